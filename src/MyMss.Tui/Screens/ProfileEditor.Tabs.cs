using System.Collections.ObjectModel;
using System.Drawing;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Tui.Resources;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>The editor's three tabs: Geral, Comunicação and Filtro de transferência.</summary>
public sealed partial class ProfileEditor
{
    private static readonly InternetAccess[] AccessOrder = [InternetAccess.None, InternetAccess.MobileData, InternetAccess.Vpn, InternetAccess.PublicInternet];

    private readonly List<(string Name, CheckBox Send, CheckBox Receive)> _tables = [];
    private readonly Dictionary<View, TextKey> _pageTitles = [];
    private readonly Choice<InternetAccess> _access;
    private readonly View _tableRows = new()
    {
        X = 2, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true,
        ViewportSettings = ViewportSettingsFlags.HasVerticalScrollBar,
    };

    public View General { get; } = Tab();
    public TextField Host { get; } = new();
    public NumberField Port { get; } = new(ProfileRules.MinPort, ProfileRules.MaxPort);
    public NumberField Timeout { get; } = new(ProfileRules.MinTimeout, ProfileRules.MaxTimeout);
    public NumberField Retries { get; } = new(ProfileRules.MinRetries, ProfileRules.MaxRetries);
    public NumberField Compression { get; } = new(ProfileRules.MinCompression, ProfileRules.MaxCompression);
    public CheckBox Encryption { get; } = new();
    public View Communication { get; } = Tab();
    /// <summary>Ligação à Internet: a closed list (Enter, Space, F4 or Alt+↓ open it).</summary>
    public Picker Access { get; } = new();
    public TextField ExternalHost { get; } = new();
    public NumberField ExternalPort { get; } = new(ProfileRules.MinPort, ProfileRules.MaxPort);
    public View Filter { get; } = Tab();
    public CheckBox FilterEnabled { get; } = new();
    public IReadOnlyList<(string Name, CheckBox Send, CheckBox Receive)> TableRows => _tables;

    /// <summary>The Internet access mode chosen in the list.</summary>
    public InternetAccess SelectedAccess => _access.Value;

    /// <summary>Chooses the Internet access mode as the technician would in the list.</summary>
    public void ChooseAccess(InternetAccess access) => _access.Value = access;

    /// <summary>The widest number field (a port); the ranges of all number fields stand in one column after it.</summary>
    private const int PortWidth = 7;

    private static View Tab() => new() { CanFocus = true, Width = Dim.Fill(), Height = Dim.Fill() };

    private void SetPageTitle(View page, TextKey title)
    {
        _pageTitles[page] = title;
        page.Title = _s[title];
    }

    private void LayOutGeneral()
    {
        SetPageTitle(General, TextKey.Editor_TabGeneral);
        string[] labels = [Fields.Host, Fields.Port, Fields.TimeoutSeconds, Fields.Retries, Fields.Compression];
        int width = labels.Max(f => _s.FieldLabel(f).Length) + 2;
        Row(General, 0, Fields.Host, width, Host, 40, _initial.Host);
        Row(General, 1, Fields.Port, width, Port, PortWidth, _initial.Port);
        Row(General, 2, Fields.TimeoutSeconds, width, Timeout, 5, _initial.TimeoutSeconds);
        Row(General, 3, Fields.Retries, width, Retries, 4, _initial.Retries);
        Row(General, 4, Fields.Compression, width, Compression, 3, _initial.Compression);
        Encryption.X = 0;
        Encryption.Y = 5;
        Encryption.Text = _s.FieldLabel(Fields.Encryption);
        Encryption.Value = _initial.Encryption ? CheckState.Checked : CheckState.UnChecked;
        General.Add(Encryption);
        Register(Fields.Encryption, Encryption, General);
    }

    private void LayOutCommunication()
    {
        SetPageTitle(Communication, TextKey.Editor_TabCommunication);
        int width = new[] { Fields.InternetAccess, Fields.ExternalHost, Fields.ExternalPort }.Max(f => _s.FieldLabel(f).Length) + 2;
        List<string> labels = AccessOrder.Select(_s.AccessLabel).ToList();
        Communication.Add(new Label { X = 0, Y = 0, Text = _s.FieldLabel(Fields.InternetAccess) + ":" });
        Access.X = width;
        Access.Y = 0;
        Access.Width = labels.Max(l => l.Length) + 4;
        _access.Reset(new ListWrapper<string>(new ObservableCollection<string>(labels)), AccessOrder);
        _access.Value = _initial.InternetAccess;
        Communication.Add(Access);
        Register(Fields.InternetAccess, Access, Communication);
        Row(Communication, 2, Fields.ExternalHost, width, ExternalHost, 40, _initial.ExternalHost);
        Row(Communication, 3, Fields.ExternalPort, width, ExternalPort, PortWidth, _initial.ExternalPort);
        Communication.Add(new Label { X = Pos.Right(ExternalPort) + 2 + ExternalPort.Range.Length + 1, Y = 3, Text = _s[TextKey.Editor_ExternalHint] });
        Access.SelectionChanged += (_, _) => UpdateEnabled();
    }

    private void LayOutFilter()
    {
        SetPageTitle(Filter, TextKey.Editor_TabFilter);
        FilterEnabled.X = 0;
        FilterEnabled.Y = 0;
        FilterEnabled.Text = _s[TextKey.Filter_On];
        FilterEnabled.Value = _initial.FilterEnabled ? CheckState.Checked : CheckState.UnChecked;
        Filter.Add(FilterEnabled);
        Register(Fields.TransferFilter, FilterEnabled, Filter);
        int nameWidth = (_initial.Tables.Count == 0 ? 10 : _initial.Tables.Max(t => t.Name.Length)) + 2;
        IReadOnlyList<TableTransfer> rows = _initial.Tables.Count > 0 ? _initial.Tables : TransferFilter.AllOff(_service.Options.Tables).Tables;
        for (int i = 0; i < rows.Count; i++)
        {
            TableTransfer t = rows[i];
            var send = new CheckBox { X = nameWidth, Y = i, Text = _s[TextKey.Common_Send], Value = t.Send ? CheckState.Checked : CheckState.UnChecked };
            var receive = new CheckBox { X = nameWidth + 12, Y = i, Text = _s[TextKey.Common_Receive], Value = t.Receive ? CheckState.Checked : CheckState.UnChecked };
            _tableRows.Add(new Label { X = 0, Y = i, Text = t.Name }, send, receive);
            int row = i;
            send.HasFocusChanged += (_, e) => { if (e.NewValue) ScrollTo(row); };
            receive.HasFocusChanged += (_, e) => { if (e.NewValue) ScrollTo(row); };
            WatchProblems(Fields.TransferFilter, send);
            WatchProblems(Fields.TransferFilter, receive);
            _tables.Add((t.Name, send, receive));
        }
        _tableRows.SetContentSize(new Size(nameWidth + 24, rows.Count));
        Filter.Add(_tableRows);
        FilterEnabled.ValueChanged += (_, _) => UpdateEnabled();
    }

    private void Row(View tab, int y, string field, int labelWidth, TextField box, int width, string text)
    {
        var label = new Label { X = 0, Y = y, Text = _s.FieldLabel(field) + ":" };
        box.X = labelWidth;
        box.Y = y;
        box.Width = width;
        box.Text = text;
        tab.Add(label, box);
        if (box is NumberField number)
            tab.Add(new Label { X = labelWidth + PortWidth + 1, Y = y, Text = number.Range }); // the range, always in sight, in one column
        Register(field, box, tab);
    }

    private void ScrollTo(int row)
    {
        Rectangle vp = _tableRows.Viewport;
        if (row < vp.Y)
            _tableRows.Viewport = vp with { Y = row };
        else if (row >= vp.Y + vp.Height)
            _tableRows.Viewport = vp with { Y = row - vp.Height + 1 };
    }

    /// <summary>External endpoint only with Internet access; table boxes only with the filter on.</summary>
    private void UpdateEnabled()
    {
        bool external = _access.Value != InternetAccess.None;
        ExternalHost.Enabled = external;
        ExternalPort.Enabled = external;
        if (external && ExternalPort.Text.Length == 0)
            ExternalPort.Text = Port.Text;
        bool filter = FilterEnabled.Value == CheckState.Checked;
        foreach (var (_, send, receive) in _tables)
        {
            send.Enabled = filter;
            receive.Enabled = filter;
        }
        _tableRows.CanFocus = filter;
    }

    private int TabIndex => Tabs.Value is View v ? Tabs.IndexOf(v) : 0;

    /// <summary>
    /// Where ↓/Tab and ↑/Shift+Tab take the cursor, in order: the header, the fields of the tab shown, the buttons.
    /// Terminal.Gui's own order skipped the tab's fields on Tab, and its tabs took ↑ (and ← → on a check box) to
    /// switch to another tab.
    /// </summary>
    private IEnumerable<View> CursorStops()
    {
        yield return Code;
        yield return Description;
        yield return Password;
        yield return PasswordConfirmation;
        View page = Tabs.Value ?? General;
        IEnumerable<View> fields =
            page == General ? [Host, Port, Timeout, Retries, Compression, Encryption]
            : page == Communication ? [Access, ExternalHost, ExternalPort]
            : [FilterEnabled, .. _tables.SelectMany(t => new View[] { t.Send, t.Receive })];
        foreach (View field in fields)
            yield return field;
        yield return _leave;
        yield return _validate;
    }

    /// <summary>Moves the cursor to the next (+1) or previous (-1) field that can take it, round from the last to the first.</summary>
    private void MoveCursor(int step)
    {
        List<View> stops = CursorStops().Where(v => v is { CanFocus: true, Enabled: true, Visible: true }).ToList();
        int at = stops.IndexOf(MostFocused!);
        int next = at < 0 ? (step > 0 ? 0 : stops.Count - 1) : ((at + step) % stops.Count + stops.Count) % stops.Count;
        stops[next].SetFocus();
    }

    /// <summary>Tabs that leave the arrow keys to the fields: only the key table switches tabs (Ctrl+PgDn/PgUp, Alt+1/2/3).</summary>
    private sealed class PageTabs : Tabs
    {
        public PageTabs()
        {
            foreach (Command command in new[] { Command.Up, Command.Down, Command.Left, Command.Right })
                AddCommand(command, () => true);
        }
    }

    /// <summary>Shows a tab (counting round: after the last comes the first) and puts the cursor on its first field, wherever the focus was.</summary>
    private void ShowTab(int index)
    {
        int count = Tabs.TabCollection.Count();
        View tab = Tabs.TabCollection.ElementAt(((index % count) + count) % count);
        Tabs.Value = tab;
        _fields.Values.First(f => f.Tab == tab).Field.SetFocus();
    }
}
