using System.Globalization;
using System.Text;
using MyMss.Core.Domain;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace MyMss.Tui.Screens;

/// <summary>
/// The profile table of the main screen: a header that stays, one row per profile, the selected row always on screen,
/// and where the view is in a long list (a scroll bar and "12/17" in the title).
/// Terminal.Gui 2.5.0's TableView scrolled its header away, lost the selected row from view when its data was
/// replaced, and bound End to the end of the row; this draws only what the screen needs, row by row, so moving one
/// row changes (and sends) two rows and the scroll bar.
/// </summary>
public sealed class ProfileTable : View
{
    /// <summary>The header line and the line under it.</summary>
    private const int HeaderRows = 2;
    private const int CodeWidth = 6;

    private readonly string _codeHeader;
    private readonly string _descriptionHeader;
    private readonly string _title;
    private IReadOnlyList<ProfileSummary> _rows = [];
    private int _selected = -1;
    private int _top;

    public ProfileTable(string title, string codeHeader, string descriptionHeader)
    {
        _title = title;
        _codeHeader = codeHeader;
        _descriptionHeader = descriptionHeader;
        CanFocus = true;
        BorderStyle = LineStyle.Rounded;
        Title = title;
    }

    public IReadOnlyList<ProfileSummary> Rows => _rows;

    /// <summary>The selected row (-1 when the table is empty).</summary>
    public int SelectedIndex => _selected;

    public int? SelectedCode => _selected >= 0 && _selected < _rows.Count ? _rows[_selected].Code : null;

    /// <summary>The first row shown.</summary>
    public int TopIndex => _top;

    /// <summary>How many profile rows fit under the header.</summary>
    public int PageSize => Math.Max(1, Viewport.Height - HeaderRows);

    /// <summary>New rows; the profile selected before stays selected if it is still there.</summary>
    public void SetRows(IReadOnlyList<ProfileSummary> rows)
    {
        int? code = SelectedCode;
        _rows = rows;
        int index = code is int c ? IndexOf(c) : -1;
        Select(index >= 0 ? index : Math.Min(Math.Max(_selected, 0), rows.Count - 1));
    }

    public int IndexOf(int code)
    {
        for (int i = 0; i < _rows.Count; i++)
            if (_rows[i].Code == code)
                return i;
        return -1;
    }

    /// <summary>Selects a row (clamped to the table) and scrolls so that it is on screen.</summary>
    public void Select(int index)
    {
        int before = _selected, top = _top;
        _selected = _rows.Count == 0 ? -1 : Math.Clamp(index, 0, _rows.Count - 1);
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
        _top = Math.Clamp(_top, 0, Math.Max(0, _rows.Count - page));
    }

    private bool Scrollable => _rows.Count > PageSize;

    /// <summary>"Perfis de sincronização 12/17" while the list is longer than the table.</summary>
    private void ShowPosition()
    {
        string title = Scrollable && _selected >= 0
            ? _title + " " + (_selected + 1).ToString(CultureInfo.InvariantCulture) + "/" + _rows.Count.ToString(CultureInfo.InvariantCulture)
            : _title;
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
        int page = PageSize;
        int? target =
            key == Key.CursorUp ? _selected - 1
            : key == Key.CursorDown ? _selected + 1
            : key == Key.PageUp ? _selected - page
            : key == Key.PageDown ? _selected + page
            : key == Key.Home || key == Key.Home.WithCtrl ? 0
            : key == Key.End || key == Key.End.WithCtrl ? _rows.Count - 1
            : null;
        if (target is int row)
        {
            Select(row);
            return true; // at either end the key stays here: it does not move the cursor to another field
        }
        // Left and right have nowhere to go in a table of whole rows.
        return key == Key.CursorLeft || key == Key.CursorRight || base.OnKeyDown(key);
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
        if (at.Y >= HeaderRows && row < _rows.Count)
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
        AddStr(Right(_codeHeader, CodeWidth) + g.VLine + Fit(_descriptionHeader, text - CodeWidth - 1));
        Move(0, 1);
        AddStr(Repeat(g.HLine, CodeWidth) + g.Cross + Repeat(g.HLine, width - CodeWidth - 1));

        int page = PageSize;
        for (int i = 0; i < page; i++)
        {
            int index = _top + i;
            Move(0, HeaderRows + i);
            if (index >= _rows.Count)
            {
                SetAttribute(normal);
                AddStr(Fit("", CodeWidth) + g.VLine + Fit("", text - CodeWidth - 1));
                continue;
            }
            ProfileSummary p = _rows[index];
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
        int count = _rows.Count;
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
}
