using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Text;
using MyMss.Core.Domain;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>
/// The items of a profile drop-down ("code · description"), made when shown. Terminal.Gui's ListWrapper wants a
/// collection of every item string up front and measures each one; with 10,000 profiles that was a fifth of a
/// second of the start, for lists nobody may open.
/// </summary>
public sealed class ProfileItems : IListDataSource
{
    private readonly IReadOnlyList<ProfileSummary> _profiles;
    private readonly string? _first;

    /// <param name="first">An item before the profiles, e.g. "(nenhum)".</param>
    public ProfileItems(IReadOnlyList<ProfileSummary> profiles, string? first = null)
    {
        _profiles = profiles;
        _first = first;
        Items = new ItemList(this);
        MaxItemLength = Math.Max(first?.GetColumns() ?? 0, profiles.Count == 0 ? 0 : profiles.Max(Width));
    }

    public static string Text(ProfileSummary p) => $"{p.Code} · {p.Description}";

    /// <summary>The columns of <see cref="TextKey"/> without building it: Latin text is one column a character.</summary>
    private static int Width(ProfileSummary p)
    {
        int code = p.Code.ToString(CultureInfo.InvariantCulture).Length + 3;
        foreach (char ch in p.Description)
            if (ch >= '\u0300')
                return code + p.Description.GetColumns();
        return code + p.Description.Length;
    }

    public string this[int index] =>
        _first is null ? Text(_profiles[index])
        : index == 0 ? _first
        : Text(_profiles[index - 1]);

    public int Count => _profiles.Count + (_first is null ? 0 : 1);
    public int MaxItemLength { get; }
    public bool SuspendCollectionChangedEvent { get; set; }

    /// <summary>Never raised: a new list replaces this one when the profiles change.</summary>
    public event NotifyCollectionChangedEventHandler? CollectionChanged { add { } remove { } }

    public bool IsMarked(int item) => false;
    public void SetMark(int item, bool value) { }
    public IList ToList() => Items;
    public void Dispose() { }

    private ItemList Items { get; }

    public void Render(ListView listView, bool selected, int item, int col, int row, int width, int viewportX = 0)
    {
        listView.Move(Math.Max(col - viewportX, 0), row);
        string text = item >= 0 && item < Count ? this[item] : "";
        if (viewportX > 0)
            text = string.Concat(text.EnumerateRunes().Skip(viewportX));
        string shown = TextFormatter.ClipAndJustify(text, width, Alignment.Start);
        listView.AddStr(shown);
        for (int left = width - shown.GetColumns(); left > 0; left--)
            listView.AddRune((Rune)' ');
    }

    /// <summary>The items as a read-only list (for Terminal.Gui's type-to-search and selection), each made on demand.</summary>
    private sealed class ItemList(ProfileItems items) : IList
    {
        public object? this[int index] { get => items[index]; set => throw new NotSupportedException(); }
        public int Count => items.Count;
        public bool IsFixedSize => true;
        public bool IsReadOnly => true;
        public bool IsSynchronized => false;
        public object SyncRoot => this;
        public int Add(object? value) => throw new NotSupportedException();
        public void Clear() => throw new NotSupportedException();
        public bool Contains(object? value) => IndexOf(value) >= 0;
        public int IndexOf(object? value)
        {
            for (int i = 0; i < Count; i++)
                if (Equals(items[i], value))
                    return i;
            return -1;
        }
        public void Insert(int index, object? value) => throw new NotSupportedException();
        public void Remove(object? value) => throw new NotSupportedException();
        public void RemoveAt(int index) => throw new NotSupportedException();
        public void CopyTo(Array array, int index)
        {
            for (int i = 0; i < Count; i++)
                array.SetValue(items[i], index + i);
        }
        public IEnumerator GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
                yield return items[i];
        }
    }
}
