using System.Drawing;
using Terminal.Gui.App;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>
/// A closed list that shows one choice ("2 · Loja de Braga ▼"), as in dialog(1) and nmtui: arrows on it move to the
/// next or previous field and never change the value; Enter, Space, F4 or Alt+↓ open the list under the field, with a
/// border, where arrows, PgUp/PgDn, Home/End and typing move, Enter picks and Esc leaves the value as it was.
/// Terminal.Gui 2.5.0's DropDownList changed its value on ↓ when closed, opened its list with no border away from the
/// field, and cut long items without a sign.
/// </summary>
public sealed class Picker : View
{
    private const int MinListWidth = 12;
    private readonly ListView _list;
    private readonly Popover<ListView, int?> _popover;
    private IListDataSource? _source;
    private int _index = -1;

    public Picker()
    {
        CanFocus = true;
        Height = 1;
        _list = new ListView
        {
            BorderStyle = LineStyle.Single,
            SchemeName = SchemeManager.SchemesToSchemeName(Schemes.Menu), // the open list floats over the screen
            ViewportSettings = ViewportSettingsFlags.HasVerticalScrollBar,
        };
        _list.Accepting += (_, e) =>
        {
            e.Handled = true;
            Pick(_list.SelectedItem);
        };
        _popover = new Popover<ListView, int?>(_list) { Anchor = ListAnchor };
    }

    /// <summary>Raised when the technician (or the program) chooses another item.</summary>
    public event EventHandler? SelectionChanged;

    /// <summary>The items; a new source clears the choice.</summary>
    public IListDataSource? Source
    {
        get => _source;
        set
        {
            _source = value;
            _list.Source = value;
            _index = -1;
            base.Text = "";
            SetNeedsDraw();
        }
    }

    /// <summary>The chosen item, -1 for none.</summary>
    public int SelectedIndex
    {
        get => _index;
        set
        {
            int index = _source is { Count: > 0 } s && value >= 0 && value < s.Count ? value : -1;
            if (index == _index)
                return;
            _index = index;
            base.Text = index >= 0 ? ItemText(index) : "";
            SetNeedsDraw();
            SelectionChanged?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>Whether the list is open.</summary>
    public bool IsOpen => _popover.Visible;

    private string ItemText(int index) => _source?.ToList()[index]?.ToString() ?? "";

    public void Open()
    {
        if (_source is not { Count: > 0 } || App is null)
            return;
        _list.SelectedItem = Math.Max(_index, 0);
        Size size = ListSize();
        _list.Width = size.Width;
        _list.Height = size.Height;
        if (!App.Popovers!.IsRegistered(_popover))
            App.Popovers.Register(_popover);
        _popover.MakeVisible();
        _list.SetFocus();
    }

    private void Pick(int? item)
    {
        App?.Popovers?.Hide(_popover);
        if (item is int index)
            SelectedIndex = index;
        SetFocus();
    }

    /// <summary>
    /// The list goes under the field, as wide as its longest item (with its border and scroll bar: no wider, as every
    /// covered cell is sent twice, to show the list and to show what was under it again); it is as tall as its items, or
    /// as the room under the field, or, when there is more room above, as that (and the popover puts it above the field).
    /// </summary>
    private Size ListSize()
    {
        Rectangle field = FrameToScreen();
        Size screen = App!.Screen.Size;
        int width = Math.Min(screen.Width, Math.Max(MinListWidth, _source!.MaxItemLength + 3));
        int below = screen.Height - field.Bottom - 1; // the last row is the key bar
        int above = field.Top;
        int rows = _source.Count + 2; // and the border
        return new Size(width, Math.Min(rows, rows <= below || below >= above ? below : above));
    }

    /// <summary>Where the list opens: under the field, shifted left if it would leave the screen.</summary>
    private Rectangle? ListAnchor()
    {
        if (App is null)
            return null;
        Rectangle field = FrameToScreen();
        int width = _list.Frame.Width;
        return field with { X = Math.Clamp(field.X, 0, Math.Max(0, App.Screen.Width - width)), Width = width };
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.Enter || key == Key.Space || key == Key.F4 || key == Key.CursorDown.WithAlt)
        {
            Open();
            return true;
        }
        return base.OnKeyDown(key);
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (!mouse.IsSingleClicked)
            return base.OnMouseEvent(mouse);
        SetFocus();
        Open();
        return true;
    }

    protected override bool OnDrawingText() => true; // drawn below, cut with an ellipsis

    protected override bool OnDrawingContent(DrawContext? context)
    {
        SetAttribute(GetAttributeForRole(HasFocus ? VisualRole.Focus : VisualRole.Normal));
        Move(0, 0);
        int width = Viewport.Width;
        AddStr(ProfileTable.Fit(base.Text, Math.Max(0, width - 2)) + (width >= 2 ? " " + GlyphSettings.Current.DownArrow : ""));
        return true;
    }

    protected override void OnHasFocusChanged(bool newHasFocus, View? previousFocusedView, View? focusedView)
    {
        base.OnHasFocusChanged(newHasFocus, previousFocusedView, focusedView);
        SetNeedsDraw();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            App?.Popovers?.DeRegister(_popover);
            _popover.Dispose();
        }
        base.Dispose(disposing);
    }
}
