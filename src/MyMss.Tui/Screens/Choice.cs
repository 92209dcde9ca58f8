using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>
/// A read-only drop-down list that stands for a value: the values sit beside the items, index for index, and the
/// chosen value is the one at the shown item's position. The display text is only ever compared with the items the
/// list itself shows, never taken apart, so a description that looks like another item ("2 · …") cannot fool it.
/// </summary>
public sealed class Choice<T>(DropDownList list, T none)
{
    private IReadOnlyList<T> _values = [];
    private int _index = -1;

    public DropDownList List => list;

    /// <summary>New items and the value of each (the list is rebuilt when the profiles change).</summary>
    public void Reset(IListDataSource items, IReadOnlyList<T> values)
    {
        if (items.Count != values.Count)
            throw new ArgumentException("one value per item", nameof(values));
        list.Source = items;
        _values = values;
        _index = -1;
    }

    /// <summary>The value of the item shown, or <c>none</c> when nothing is chosen.</summary>
    public T Value
    {
        get => ShownIndex() is int i and >= 0 ? _values[i] : none;
        set
        {
            _index = IndexOfValue(value);
            list.Text = _index >= 0 ? ItemText(_index) ?? "" : "";
        }
    }

    private int IndexOfValue(T value)
    {
        for (int i = 0; i < _values.Count; i++)
            if (EqualityComparer<T>.Default.Equals(_values[i], value))
                return i;
        return -1;
    }

    /// <summary>Which item the list shows: the one it showed last if still so, else the one it moved to (arrows, typing, the open list).</summary>
    private int ShownIndex()
    {
        string shown = list.Text;
        if (_index >= 0 && _index < _values.Count && ItemText(_index) == shown)
            return _index;
        for (int i = 0; i < _values.Count; i++)
            if (ItemText(i) == shown)
                return _index = i;
        return _index = -1;
    }

    private string? ItemText(int index) => list.Source?.ToList()[index]?.ToString();
}
