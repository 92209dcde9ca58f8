using System.Diagnostics;
using System.Globalization;
using System.Text;
using MyMss.Core.Domain;
using MyMss.Tui.Resources;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace MyMss.Tui.Screens;

/// <summary>
/// The profile table of the main screen: a header that stays, one row per profile, the selected row always on screen,
/// and where the view is in a long list (a scroll bar and "12/17" in the title). It finds as the technician types (code
/// or description, accents and case ignored; the search shows in the title), sorts by code or description (the header
/// marks which), and jumps to a code typed in digits.
/// Terminal.Gui 2.5.0's TableView scrolled its header away, lost the selected row from view when its data was
/// replaced, and bound End to the end of the row; this draws only what the screen needs, row by row, so moving one
/// row changes (and sends) two rows and the scroll bar.
/// </summary>
public sealed class ProfileTable : View
{
    /// <summary>The header line and the line under it.</summary>
    private const int HeaderRows = 2;
    /// <summary>Five digits, right-aligned under "Código" and the sort mark.</summary>
    private const int CodeWidth = 7;
    /// <summary>Digits typed within this time make one code: "1", "2" is 12.</summary>
    private static readonly TimeSpan JumpPause = TimeSpan.FromSeconds(1);

    private readonly Strings _s;
    private readonly string _codeHeader;
    private readonly string _descriptionHeader;
    private readonly string _title;
    private IReadOnlyList<ProfileSummary> _source = [];
    /// <summary>Folded descriptions (see <see cref="Folding"/>), by index in <see cref="_source"/>; made when first needed.</summary>
    private string[]? _folded;
    /// <summary>Indices in <see cref="_source"/>, in the sort order.</summary>
    private int[] _order = [];
    /// <summary>The indices shown: <see cref="_order"/> without the rows the find leaves out.</summary>
    private IReadOnlyList<int> _shown = [];
    private string _query = "";
    private int _selected = -1;
    private int _top;
    private string _jump = "";
    private long _jumpAt;

    public ProfileTable(Strings strings)
    {
        _s = strings;
        _title = strings[TextKey.Screen_ProfilesFrame];
        _codeHeader = strings.FieldLabel(Fields.Code);
        _descriptionHeader = strings.FieldLabel(Fields.Description);
        CanFocus = true;
        BorderStyle = LineStyle.Rounded;
        HotKeySpecifier = (Rune)0xFFFF; // the title shows what is typed, '_' included
        Title = _title;
        Rows = new ShownRows(this);
    }

    /// <summary>The rows shown, in order: the profiles the find leaves, sorted.</summary>
    public IReadOnlyList<ProfileSummary> Rows { get; }

    /// <summary>The selected row (-1 when the table is empty).</summary>
    public int SelectedIndex => _selected;

    public int? SelectedCode => _selected >= 0 && _selected < _shown.Count ? _source[_shown[_selected]].Code : null;

    /// <summary>The first row shown.</summary>
    public int TopIndex => _top;

    /// <summary>How many profile rows fit under the header.</summary>
    public int PageSize => Math.Max(1, Viewport.Height - HeaderRows);

    /// <summary>What the find looks for ("" when every profile is shown).</summary>
    public string Query => _query;

    /// <summary>Keys typed on the table go to the find (after '/' or Ctrl+F, until Enter or the cursor leaves the table).</summary>
    public bool Typing { get; private set; }

    public ProfileSort Sort { get; private set; } = ProfileSort.CodeAscending;

    /// <summary>New rows; the profile selected before stays selected if it is still shown. The find and the sort stay.</summary>
    public void SetRows(IReadOnlyList<ProfileSummary> rows)
    {
        int? code = SelectedCode;
        _source = rows;
        _folded = null;
        Arrange(code);
    }

    /// <summary>Starts (or goes back to) typing a find: each character narrows the table; Enter keeps it, Esc clears it.</summary>
    public void StartFind()
    {
        Typing = true;
        ShowPosition();
    }

    /// <summary>Every profile shown again (Esc), the selected one still selected.</summary>
    public void ClearFind()
    {
        Typing = false;
        if (_query.Length == 0)
        {
            ShowPosition();
            return;
        }
        int? code = SelectedCode;
        _query = "";
        _shown = _order;
        SelectCodeOrNear(code);
        SetNeedsDraw();
    }

    /// <summary>The next sort: Código ↑, Código ↓, Descrição ↑, Descrição ↓, and round again.</summary>
    public void NextSort()
    {
        Sort = (ProfileSort)(((int)Sort + 1) % 4);
        Arrange(SelectedCode);
    }

    /// <summary>Selects a profile, showing every profile again first when the find hides it (e.g. one just created).</summary>
    public void Reveal(int code)
    {
        if (IndexOf(code) < 0)
            ClearFind();
        Select(IndexOf(code));
    }

    /// <summary>Sorts, finds, and selects <paramref name="code"/> (or the row nearest where it was).</summary>
    private void Arrange(int? code)
    {
        _order = Sorted();
        _shown = _query.Length == 0 ? _order : Matching(_order, Folding.Fold(_query));
        SelectCodeOrNear(code);
        SetNeedsDraw();
    }

    private void SelectCodeOrNear(int? code)
    {
        int index = code is int c ? IndexOf(c) : -1;
        Select(index >= 0 ? index : Math.Min(Math.Max(_selected, 0), _shown.Count - 1));
    }

    private int[] Sorted()
    {
        var order = new int[_source.Count];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        IReadOnlyList<ProfileSummary> rows = _source;
        Comparison<int> byCode = (a, b) => rows[a].Code.CompareTo(rows[b].Code);
        Comparison<int> compare = byCode;
        if (Sort is ProfileSort.DescriptionAscending or ProfileSort.DescriptionDescending)
        {
            string[] folded = Folded();
            compare = (a, b) => Folding.CompareNatural(folded[a], folded[b]) is int d && d != 0 ? d
                : string.CompareOrdinal(rows[a].Description, rows[b].Description) is int e && e != 0 ? e
                : byCode(a, b);
        }
        Array.Sort(order, compare);
        if (Sort is ProfileSort.CodeDescending or ProfileSort.DescriptionDescending)
            Array.Reverse(order);
        return order;
    }

    private string[] Folded()
    {
        if (_folded is null)
        {
            _folded = new string[_source.Count];
            for (int i = 0; i < _folded.Length; i++)
                _folded[i] = Folding.Fold(_source[i].Description);
        }
        return _folded;
    }

    /// <summary>The rows of <paramref name="from"/> whose code or folded description contains <paramref name="folded"/>.</summary>
    private List<int> Matching(IReadOnlyList<int> from, string folded)
    {
        string[] descriptions = Folded();
        var shown = new List<int>(from.Count);
        Span<char> digits = stackalloc char[11];
        for (int k = 0; k < from.Count; k++)
        {
            int i = from[k];
            if (descriptions[i].Contains(folded, StringComparison.Ordinal)
                || (_source[i].Code.TryFormat(digits, out int n, default, CultureInfo.InvariantCulture) && digits[..n].IndexOf(folded.AsSpan()) >= 0))
                shown.Add(i);
        }
        return shown;
    }

    /// <summary>The find as typed: a longer query only narrows what is shown; a shorter one looks through every row again.</summary>
    private void Find(string query)
    {
        int? code = SelectedCode;
        bool narrower = _query.Length > 0 && query.StartsWith(_query, StringComparison.Ordinal);
        _query = query;
        _shown = query.Length == 0 ? _order : Matching(narrower ? _shown : _order, Folding.Fold(query));
        int index = code is int c ? IndexOf(c) : -1;
        Select(Math.Max(index, 0)); // the profile selected before if it matches, else the first that does
        SetNeedsDraw();
    }

    public int IndexOf(int code)
    {
        for (int i = 0; i < _shown.Count; i++)
            if (_source[_shown[i]].Code == code)
                return i;
        return -1;
    }

    /// <summary>Selects a row (clamped to the table) and scrolls so that it is on screen.</summary>
    public void Select(int index)
    {
        int before = _selected, top = _top;
        _selected = _shown.Count == 0 ? -1 : Math.Clamp(index, 0, _shown.Count - 1);
        Scroll();
        if (before != _selected || top != _top)
            SetNeedsDraw();
        ShowPosition();
    }

    private void Scroll()
    {
        int page = PageSize;
        if (_selected < 0)
            _top = 0;
        else if (_selected < _top)
            _top = _selected;
        else if (_selected >= _top + page)
            _top = _selected - page + 1;
        _top = Math.Clamp(_top, 0, Math.Max(0, _shown.Count - page));
    }

    private bool Scrollable => _shown.Count > PageSize;

    /// <summary>
    /// "Perfis de sincronização 12/17" while the list is longer than the table; with a find, what it looks for and how
    /// many it found: "Perfis de sincronização · procurar: porto_ (3 de 17)" ('_' while typing).
    /// </summary>
    private void ShowPosition()
    {
        string title = _title;
        if (Typing || _query.Length > 0)
            title += " · " + _s.Format(TextKey.Screen_FindTitle, _query + (Typing ? "_" : ""), _shown.Count, _source.Count);
        if (Scrollable && _selected >= 0)
            title += " " + (_selected + 1).ToString(CultureInfo.InvariantCulture) + "/" + _shown.Count.ToString(CultureInfo.InvariantCulture);
        if (Title != title)
            Title = title;
    }

    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        Scroll(); // a smaller terminal: the selected row stays on screen
        ShowPosition();
    }

    protected override bool OnKeyDown(Key key)
    {
        bool digit = key.AsRune.Value is >= '0' and <= '9' && !key.IsCtrl && !key.IsAlt;
        if (!digit)
            _jump = ""; // another key between digits: the next digit starts a new code
        if (Typing && TypeInFind(key))
            return true;
        int page = PageSize;
        int? target =
            key == Key.CursorUp ? _selected - 1
            : key == Key.CursorDown ? _selected + 1
            : key == Key.PageUp ? _selected - page
            : key == Key.PageDown ? _selected + page
            : key == Key.Home || key == Key.Home.WithCtrl ? 0
            : key == Key.End || key == Key.End.WithCtrl ? _shown.Count - 1
            : null;
        if (target is int row)
        {
            Select(row);
            return true; // at either end the key stays here: it does not move the cursor to another field
        }
        if (!Typing && digit)
        {
            JumpTo((char)key.AsRune.Value);
            return true;
        }
        // Left and right have nowhere to go in a table of whole rows.
        return key == Key.CursorLeft || key == Key.CursorRight || base.OnKeyDown(key);
    }

    /// <summary>A key while typing a find: a character is added, Backspace takes one back, Enter keeps the find and ends typing.</summary>
    private bool TypeInFind(Key key)
    {
        if (key == Key.Enter)
        {
            Typing = false;
            ShowPosition();
            return true;
        }
        if (key == Key.Backspace)
        {
            if (_query.Length > 0)
                Find(_query[..^1]);
            return true;
        }
        Rune rune = key.AsRune;
        if (key.IsCtrl || key.IsAlt || rune.Value < ' ' || rune.Value == 0x7F)
            return false;
        Find(_query + rune);
        return true;
    }

    /// <summary>Digits typed one after another make a code: the row with that code, or else the first whose code starts so.</summary>
    private void JumpTo(char digit)
    {
        long now = Stopwatch.GetTimestamp();
        _jump = Stopwatch.GetElapsedTime(_jumpAt, now) > JumpPause ? digit.ToString() : _jump + digit;
        _jumpAt = now;
        if (!int.TryParse(_jump, NumberStyles.None, CultureInfo.InvariantCulture, out int code))
            return;
        int index = IndexOf(code);
        for (int i = 0; index < 0 && i < _shown.Count; i++)
            if (_source[_shown[i]].Code.ToString(CultureInfo.InvariantCulture).StartsWith(_jump, StringComparison.Ordinal))
                index = i;
        if (index >= 0)
            Select(index);
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.IsWheel)
        {
            Select(_selected + (mouse.Flags.HasFlag(MouseFlags.WheeledDown) ? 1 : -1));
            return true;
        }
        if (mouse.Position is not { } at || !(mouse.IsSingleClicked || mouse.IsDoubleClicked))
            return base.OnMouseEvent(mouse);
        int row = _top + at.Y - HeaderRows;
        if (at.Y >= HeaderRows && row < _shown.Count)
        {
            SetFocus();
            Select(row);
            if (mouse.IsDoubleClicked)
                InvokeCommand(Command.Accept); // as Enter: Alterar
        }
        return true;
    }

    protected override void OnHasFocusChanged(bool newHasFocus, View? previousFocusedView, View? focusedView)
    {
        base.OnHasFocusChanged(newHasFocus, previousFocusedView, focusedView);
        if (!newHasFocus && Typing)
        {
            Typing = false; // the find stays; the keys are the next field's
            ShowPosition();
        }
        SetNeedsDraw(); // the selected row shows whether the table has the cursor
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        GlyphSettings g = GlyphSettings.Current;
        int width = Viewport.Width;
        bool bar = Scrollable;
        int text = width - (bar ? 1 : 0); // the scroll bar takes the last column
        Attribute normal = GetAttributeForRole(VisualRole.Normal);

        SetAttribute(normal);
        Move(0, 0);
        bool byCode = Sort is ProfileSort.CodeAscending or ProfileSort.CodeDescending;
        string mark = (Sort is ProfileSort.CodeAscending or ProfileSort.DescriptionAscending ? g.UpArrow : g.DownArrow).ToString();
        AddStr(Right(_codeHeader + (byCode ? mark : ""), CodeWidth) + g.VLine + Fit(_descriptionHeader + (byCode ? "" : mark), text - CodeWidth - 1));
        Move(0, 1);
        AddStr(Repeat(g.HLine, CodeWidth) + g.Cross + Repeat(g.HLine, width - CodeWidth - 1));

        int page = PageSize;
        for (int i = 0; i < page; i++)
        {
            int index = _top + i;
            Move(0, HeaderRows + i);
            if (index >= _shown.Count)
            {
                SetAttribute(normal);
                AddStr(Fit("", CodeWidth) + g.VLine + Fit("", text - CodeWidth - 1));
                continue;
            }
            ProfileSummary p = _source[_shown[index]];
            Attribute row = index == _selected ? GetAttributeForRole(HasFocus ? VisualRole.Focus : VisualRole.Active) : normal;
            SetAttribute(row);
            AddStr(Right(p.Code.ToString(CultureInfo.InvariantCulture), CodeWidth));
            SetAttribute(index == _selected ? row : normal);
            AddStr(g.VLine.ToString());
            SetAttribute(row);
            AddStr(Fit(p.Description, text - CodeWidth - 1));
        }
        if (bar)
            DrawScrollBar(g, width - 1, page, normal);
        return true;
    }

    /// <summary>The thumb stands where the shown rows are in the whole list, its length in proportion.</summary>
    private void DrawScrollBar(GlyphSettings g, int column, int page, Attribute attribute)
    {
        int count = _shown.Count;
        int thumb = Math.Max(1, page * page / count);
        int start = _top + page >= count ? page - thumb : (int)((long)_top * (page - thumb) / Math.Max(1, count - page));
        SetAttribute(attribute);
        for (int i = 0; i < page; i++)
        {
            Move(column, HeaderRows + i);
            AddRune(i >= start && i < start + thumb ? g.ContinuousMeterSegment : g.Stipple);
        }
    }

    private static string Right(string text, int columns) => Fit(new string(' ', Math.Max(0, columns - text.GetColumns())) + text, columns);

    private static string Repeat(Rune r, int count) => count <= 0 ? "" : string.Concat(Enumerable.Repeat(r.ToString(), count));

    /// <summary>The text cut or padded to exactly <paramref name="columns"/> columns; a cut ends in "…".</summary>
    public static string Fit(string text, int columns)
    {
        if (columns <= 0)
            return "";
        int width = text.GetColumns();
        if (width <= columns)
            return text + new string(' ', columns - width);
        string cut = TextFormatter.ClipAndJustify(text, columns - 1, Alignment.Start);
        string shown = cut + GlyphSettings.Current.HorizontalEllipsis;
        return shown + new string(' ', Math.Max(0, columns - shown.GetColumns()));
    }

    private sealed class ShownRows(ProfileTable table) : IReadOnlyList<ProfileSummary>
    {
        public ProfileSummary this[int index] => table._source[table._shown[index]];

        public int Count => table._shown.Count;

        public IEnumerator<ProfileSummary> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
                yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>How the profile table is sorted, in the order F7 goes through them.</summary>
public enum ProfileSort
{
    CodeAscending,
    CodeDescending,
    DescriptionAscending,
    DescriptionDescending,
}
