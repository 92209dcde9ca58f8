using System.Drawing;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>
/// The one modal editor for Novo and Alterar: header (code, description, password), tabs Geral,
/// Comunicação and Filtro de transferência, buttons Validar and Sair. Validation is the service's:
/// every problem is listed, each wrong field marked, focus goes to the first one, nothing typed is lost.
/// </summary>
public sealed class ProfileEditor : Dialog
{
    private static readonly InternetAccess[] AccessOrder = [InternetAccess.None, InternetAccess.MobileData, InternetAccess.Vpn, InternetAccess.PublicInternet];

    private readonly SyncConfiguration _service;
    private readonly Strings _s;
    private readonly SyncProfile? _existing;
    private readonly ProfileInput _initial;
    private readonly Dictionary<string, (View Field, View? Tab)> _fields = [];
    private readonly List<(string Name, CheckBox Send, CheckBox Receive)> _tables = [];
    private readonly Label _problems;
    private readonly Button _validate;
    private readonly Button _leave;
    private readonly View _tableRows;

    public ProfileEditor(SyncConfiguration service, Strings strings, SyncProfile? existing, IEnumerable<int> usedCodes)
    {
        _service = service;
        _s = strings;
        _existing = existing;
        _initial = existing is null ? service.NewProfileInput(usedCodes) : service.EditInput(existing);
        _initial = _initial with { Password = "", PasswordConfirmation = "" };
        _expectedVersion = _initial.ExpectedVersion;

        Title = existing is null ? _s[TextKey.Editor_TitleNew] : _s.Format(TextKey.Editor_TitleEdit, existing.Code);
        X = 0;
        Y = 0;
        Width = Dim.Fill();
        Height = Dim.Fill(1); // the main screen's key hints stay visible below
        ShadowStyle = null;

        // Header
        var codeLabel = new Label { X = 0, Y = 0, Text = _s.FieldLabel(Fields.Code) + ":" };
        Code = new TextField { X = Pos.Right(codeLabel) + 1, Y = 0, Width = 7, Text = _initial.Code, ReadOnly = existing is not null, CanFocus = existing is null };
        var descriptionLabel = new Label { X = Pos.Right(Code) + 2, Y = 0, Text = _s.FieldLabel(Fields.Description) + ":" };
        Description = new TextField { X = Pos.Right(descriptionLabel) + 1, Y = 0, Width = Dim.Fill(), Text = _initial.Description };
        var passwordLabel = new Label { X = 0, Y = 1, Text = _s.FieldLabel(Fields.Password) + ":" };
        Password = new TextField { X = Pos.Right(passwordLabel) + 1, Y = 1, Width = 12, Secret = true };
        var confirmLabel = new Label { X = Pos.Right(Password) + 2, Y = 1, Text = _s.FieldLabel(Fields.PasswordConfirmation) + ":" };
        PasswordConfirmation = new TextField { X = Pos.Right(confirmLabel) + 1, Y = 1, Width = 12, Secret = true };
        var keepHint = new Label { X = Pos.Right(PasswordConfirmation) + 1, Y = 1, Text = existing is null ? "" : _s[TextKey.Editor_PasswordKeep] };
        Add(codeLabel, Code, descriptionLabel, Description, passwordLabel, Password, confirmLabel, PasswordConfirmation, keepHint);

        // Tab Geral
        General = Tab(_s[TextKey.Editor_TabGeneral]);
        string[] generalLabels = [Fields.Host, Fields.Port, Fields.TimeoutSeconds, Fields.Retries, Fields.Compression];
        int generalWidth = generalLabels.Max(f => _s.FieldLabel(f).Length) + 2;
        Host = Row(General, 0, Fields.Host, generalWidth, 40, _initial.Host);
        Port = Row(General, 1, Fields.Port, generalWidth, 7, _initial.Port);
        Timeout = Row(General, 2, Fields.TimeoutSeconds, generalWidth, 5, _initial.TimeoutSeconds);
        Retries = Row(General, 3, Fields.Retries, generalWidth, 4, _initial.Retries);
        Compression = Row(General, 4, Fields.Compression, generalWidth, 3, _initial.Compression);
        Encryption = new CheckBox { X = 0, Y = 5, Text = _s.FieldLabel(Fields.Encryption), Value = _initial.Encryption ? CheckState.Checked : CheckState.UnChecked };
        General.Add(Encryption);
        Register(Fields.Encryption, Encryption, General);

        // Tab Comunicação
        Communication = Tab(_s[TextKey.Editor_TabCommunication]);
        int commWidth = new[] { Fields.InternetAccess, Fields.ExternalHost, Fields.ExternalPort }.Max(f => _s.FieldLabel(f).Length) + 2;
        _accessLabels = AccessOrder.Select(_s.AccessLabel).ToList();
        Communication.Add(new Label { X = 0, Y = 0, Text = _s.FieldLabel(Fields.InternetAccess) + ":" });
        Access = new DropDownList
        {
            X = commWidth, Y = 0, Width = _accessLabels.Max(l => l.Length) + 4, ReadOnly = true,
            Source = new ListWrapper<string>(new System.Collections.ObjectModel.ObservableCollection<string>(_accessLabels)),
            Text = _s.AccessLabel(_initial.InternetAccess),
        };
        Communication.Add(Access);
        Register(Fields.InternetAccess, Access, Communication);
        ExternalHost = Row(Communication, 2, Fields.ExternalHost, commWidth, 40, _initial.ExternalHost);
        ExternalPort = Row(Communication, 3, Fields.ExternalPort, commWidth, 7, _initial.ExternalPort);
        Communication.Add(new Label { X = Pos.Right(ExternalPort) + 2, Y = 3, Text = _s[TextKey.Editor_ExternalHint] });
        Access.TextChanged += (_, _) => UpdateEnabled();

        // Tab Filtro de transferência
        Filter = Tab(_s[TextKey.Editor_TabFilter]);
        FilterEnabled = new CheckBox { X = 0, Y = 0, Text = _s[TextKey.Filter_On], Value = _initial.FilterEnabled ? CheckState.Checked : CheckState.UnChecked };
        Filter.Add(FilterEnabled);
        Register(Fields.TransferFilter, FilterEnabled, Filter);
        int nameWidth = (_initial.Tables.Count == 0 ? 10 : _initial.Tables.Max(t => t.Name.Length)) + 2;
        _tableRows = new View
        {
            X = 2, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true,
            ViewportSettings = ViewportSettingsFlags.HasVerticalScrollBar,
        };
        IReadOnlyList<TableTransfer> rows = _initial.Tables.Count > 0 ? _initial.Tables : TransferFilter.AllOff(service.Options.Tables).Tables;
        for (int i = 0; i < rows.Count; i++)
        {
            TableTransfer t = rows[i];
            var send = new CheckBox { X = nameWidth, Y = i, Text = _s[TextKey.Common_Send], Value = t.Send ? CheckState.Checked : CheckState.UnChecked };
            var receive = new CheckBox { X = nameWidth + 12, Y = i, Text = _s[TextKey.Common_Receive], Value = t.Receive ? CheckState.Checked : CheckState.UnChecked };
            _tableRows.Add(new Label { X = 0, Y = i, Text = t.Name }, send, receive);
            int row = i;
            send.HasFocusChanged += (_, e) => { if (e.NewValue) ScrollTo(row); };
            receive.HasFocusChanged += (_, e) => { if (e.NewValue) ScrollTo(row); };
            _tables.Add((t.Name, send, receive));
        }
        _tableRows.SetContentSize(new Size(nameWidth + 24, rows.Count));
        Filter.Add(_tableRows);
        FilterEnabled.ValueChanged += (_, _) => UpdateEnabled();

        Tabs = new Tabs { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(3) };
        Tabs.Add(General, Communication, Filter);
        _problems = new Label { X = 0, Y = Pos.AnchorEnd(3), Width = Dim.Fill(), Height = 3, Text = _s[TextKey.Editor_Keys] };
        Add(Tabs, _problems);

        Register(Fields.Code, Code, null);
        Register(Fields.Description, Description, null);
        Register(Fields.Password, Password, null);
        Register(Fields.PasswordConfirmation, PasswordConfirmation, null);

        _leave = new Button { Text = _s[TextKey.Editor_Leave], ShadowStyle = null };
        _validate = new Button { Text = _s[TextKey.Screen_Validate], ShadowStyle = null };
        AddButton(_leave);
        AddButton(_validate); // the last added is the default button: Enter validates

        AddCommand(Command.Cancel, () =>
        {
            Leave();
            return true;
        });
        KeyBindings.Add(Key.Esc, Command.Cancel);
        UpdateEnabled();
    }

    /// <summary>The cursor starts on the description: the code is suggested (new) or fixed (edit).</summary>
    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        base.OnIsRunningChanged(newIsRunning);
        if (newIsRunning)
            Description.SetFocus();
    }

    public TextField Code { get; }
    public TextField Description { get; }
    public TextField Password { get; }
    public TextField PasswordConfirmation { get; }
    public View General { get; }
    public TextField Host { get; }
    public TextField Port { get; }
    public TextField Timeout { get; }
    public TextField Retries { get; }
    public TextField Compression { get; }
    public CheckBox Encryption { get; }
    public View Communication { get; }
    /// <summary>Ligação à Internet: a read-only drop-down (Up/Down change it, F4/Alt+Down/Space open the list).</summary>
    public DropDownList Access { get; }
    public TextField ExternalHost { get; }
    public TextField ExternalPort { get; }
    public View Filter { get; }
    public CheckBox FilterEnabled { get; }
    public Tabs Tabs { get; }
    public IReadOnlyList<(string Name, CheckBox Send, CheckBox Receive)> TableRows => _tables;

    /// <summary>What Validar saved, or null when the editor was left without saving.</summary>
    public ProfileSaved? Saved { get; private set; }

    /// <summary>The problems of the last Validar, as shown.</summary>
    public IReadOnlyList<FieldError> Problems { get; private set; } = [];

    public View? FieldView(string field) => _fields.TryGetValue(field, out var f) ? f.Field : null;

    private static View Tab(string title) => new() { Title = title, CanFocus = true, Width = Dim.Fill(), Height = Dim.Fill() };

    private TextField Row(View tab, int y, string field, int labelWidth, int width, string text)
    {
        var label = new Label { X = 0, Y = y, Text = _s.FieldLabel(field) + ":" };
        var box = new TextField { X = labelWidth, Y = y, Width = width, Text = text };
        tab.Add(label, box);
        Register(field, box, tab);
        return box;
    }

    private void Register(string field, View view, View? tab) => _fields[field] = (view, tab);

    private void ScrollTo(int row)
    {
        Rectangle vp = _tableRows.Viewport;
        if (row < vp.Y)
            _tableRows.Viewport = vp with { Y = row };
        else if (row >= vp.Y + vp.Height)
            _tableRows.Viewport = vp with { Y = row - vp.Height + 1 };
    }

    private readonly List<string> _accessLabels;
    private int? _expectedVersion;

    private InternetAccess SelectedAccess => _accessLabels.IndexOf(Access.Text) is int i && i >= 0 ? AccessOrder[i] : InternetAccess.None;

    /// <summary>Chooses the Internet access mode as the technician would in the list.</summary>
    public void ChooseAccess(InternetAccess access) => Access.Text = _s.AccessLabel(access);

    /// <summary>External endpoint only with Internet access; table boxes only with the filter on.</summary>
    private void UpdateEnabled()
    {
        bool external = SelectedAccess != InternetAccess.None;
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

    /// <summary>Everything typed, as the service expects it.</summary>
    public ProfileInput CurrentInput() => new()
    {
        Code = Code.Text,
        Description = Description.Text,
        Host = Host.Text,
        Port = Port.Text,
        TimeoutSeconds = Timeout.Text,
        Retries = Retries.Text,
        Compression = Compression.Text,
        Encryption = Encryption.Value == CheckState.Checked,
        InternetAccess = SelectedAccess,
        ExternalHost = ExternalHost.Text,
        ExternalPort = ExternalPort.Text,
        FilterEnabled = FilterEnabled.Value == CheckState.Checked,
        Tables = _tables.Select(t => new TableTransfer(t.Name, t.Send.Value == CheckState.Checked, t.Receive.Value == CheckState.Checked)).ToList(),
        Password = Password.Text,
        PasswordConfirmation = PasswordConfirmation.Text,
        ExpectedVersion = _expectedVersion,
    };

    public bool HasChanges => !CurrentInput().SameAs(_initial with { ExpectedVersion = _expectedVersion });

    /// <summary>Every Accept in the dialog ends here: Sair asks before discarding; anything else (Validar, Enter in a field) validates.</summary>
    protected override bool OnAccepting(CommandEventArgs args)
    {
        View? source = null;
        args.Context?.Source?.TryGetTarget(out source);
        if (source == _leave)
        {
            Leave();
            return true;
        }
        Validate();
        return true;
    }

    protected override bool OnKeyDown(Key key)
    {
        int tab = Tabs.Value is View v ? Tabs.IndexOf(v) : 0;
        if (key == Key.PageDown.WithCtrl) return ShowTab((tab + 1) % 3);
        if (key == Key.PageUp.WithCtrl) return ShowTab((tab + 2) % 3);
        if (key == Key.D1.WithAlt) return ShowTab(0);
        if (key == Key.D2.WithAlt) return ShowTab(1);
        if (key == Key.D3.WithAlt) return ShowTab(2);
        if (key == Key.F10 || key == Key.S.WithCtrl || key == Key.V.WithAlt)
        {
            Validate();
            return true;
        }
        if (key == Key.F5 || key == Key.T.WithAlt)
        {
            TestConnection();
            return true;
        }
        if (key == Key.S.WithAlt || key == Key.Q.WithCtrl)
        {
            Leave();
            return true;
        }
        return base.OnKeyDown(key);
    }

    /// <summary>Shows a tab and puts the cursor on its first field, wherever the focus was.</summary>
    private bool ShowTab(int index)
    {
        View tab = Tabs.TabCollection.ElementAt(index);
        Tabs.Value = tab;
        View first = _fields.Values.First(f => f.Tab == tab).Field;
        first.SetFocus();
        return true;
    }

    /// <summary>Validar: save through the service, or list every problem and go to the first.</summary>
    public void Validate()
    {
        ProfileInput input = CurrentInput();
        Outcome<ProfileSaved> outcome = _existing is null ? _service.CreateProfile(input) : _service.UpdateProfile(_existing.Code, input);
        Problems = outcome.Errors;
        foreach (var (field, (view, _)) in _fields)
            Ui.MarkError(view, outcome.Errors.Any(e => e.Field == field));
        if (outcome.IsOk)
        {
            Saved = outcome.Value;
            App?.RequestStop(this);
            return;
        }
        if (_existing is not null && outcome.Errors.Any(e => e.MessageKey == MessageKeys.ChangedElsewhere))
        {
            // Another session saved this profile meanwhile: keep everything typed; the next Validar applies it over the new version.
            _expectedVersion = _service.Profile(_existing.Code)?.Version;
        }
        _problems.Text = _s[TextKey.Editor_Errors] + " " + string.Join("; ", outcome.Errors.Select(_s.Describe));
        FocusFirst(outcome.Errors);
    }

    /// <summary>Brings the first wrong field's tab to the front and puts the cursor on it.</summary>
    private void FocusFirst(IReadOnlyList<FieldError> errors)
    {
        if (errors.FirstOrDefault() is FieldError first && _fields.TryGetValue(first.Field, out var target))
        {
            Ui.Later(App, () =>
            {
                if (target.Tab is not null)
                    Tabs.Value = target.Tab;
                target.Field.SetFocus();
            });
        }
    }

    /// <summary>
    /// Testar ligação with the values as typed (nothing is saved). Only the connection fields must be right: the
    /// rules are applied to them alone by giving the other fields neutral values.
    /// </summary>
    public void TestConnection()
    {
        ProfileInput input = CurrentInput() with
        {
            Code = "1", Description = "-", FilterEnabled = false, Compression = "0", Password = "", PasswordConfirmation = null, ExpectedVersion = null,
        };
        var (profile, _, errors) = ProfileRules.Validate(input, _service.Options, creating: false);
        foreach (var (field, (view, _)) in _fields)
            Ui.MarkError(view, errors.Any(e => e.Field == field));
        if (profile is null)
        {
            Problems = errors;
            _problems.Text = _s[TextKey.Probe_FixFirst] + " " + string.Join("; ", errors.Select(_s.Describe));
            FocusFirst(errors);
            return;
        }
        using var probe = new ProbeDialog(_s, profile.Connection);
        App!.Run(probe);
        LastProbe = probe.Reports;
    }

    /// <summary>What the last Testar ligação found (empty when cancelled).</summary>
    public IReadOnlyList<Core.Network.EndpointReport> LastProbe { get; private set; } = [];

    /// <summary>Sair (or Esc): leaves at once when nothing changed, otherwise asks first.</summary>
    public void Leave()
    {
        if (HasChanges && !Ui.Confirm(App!, _s, _s[TextKey.Editor_DiscardTitle], _s[TextKey.Editor_DiscardQuestion]))
            return;
        App?.RequestStop(this);
    }
}
