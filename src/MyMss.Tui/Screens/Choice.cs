using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>
/// A <see cref="Picker"/> that stands for a value: the values sit beside the items, index for index, and the chosen
/// value is the one at the chosen item's position. Item texts are never taken apart, so a description that looks like
/// another item ("2 · …") cannot fool it.
/// </summary>
public sealed class Choice<T>(Picker list, T none)
{
    private IReadOnlyList<T> _values = [];

    public Picker List => list;

    /// <summary>New items and the value of each (the list is rebuilt when the profiles change).</summary>
    public void Reset(IListDataSource items, IReadOnlyList<T> values)
    {
        if (items.Count != values.Count)
            throw new ArgumentException("one value per item", nameof(values));
        _values = values;
        list.Source = items;
    }

    /// <summary>The value of the item chosen, or <c>none</c> when nothing is chosen.</summary>
    public T Value
    {
        get => list.SelectedIndex is int i and >= 0 && i < _values.Count ? _values[i] : none;
        set => list.SelectedIndex = IndexOfValue(value);
    }

    private int IndexOfValue(T value)
    {
        for (int i = 0; i < _values.Count; i++)
            if (EqualityComparer<T>.Default.Equals(_values[i], value))
                return i;
        return -1;
    }
}
