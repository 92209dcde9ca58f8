using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens.Keys;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>
/// The one modal editor for Novo and Alterar: header (code, description, password), tabs Geral,
/// Comunicação and Filtro de transferência, buttons Validar and Sair. Validation is the service's:
/// every problem is listed, each wrong field marked, focus goes to the first one, nothing typed is lost.
/// The tabs are laid out in ProfileEditor.Tabs.cs, the keys are in ProfileEditor.Keys.cs.
/// </summary>
public sealed partial class ProfileEditor : Dialog, IKeyedScreen
{
    private readonly SyncConfiguration _service;
    private readonly Strings _s;
    private readonly SyncProfile? _existing;
    private readonly ProfileInput _initial;
    private readonly Dictionary<string, (View Field, View? Tab)> _fields = [];
    private readonly Label _problems;
    private readonly Button _validate;
    private readonly Button _leave;
    private int? _expectedVersion;

    /// <param name="copyOf">For a new profile: the saved profile whose values it starts with (Copiar).</param>
    public ProfileEditor(SyncConfiguration service, Strings strings, SyncProfile? existing, IEnumerable<int> usedCodes, SyncProfile? copyOf = null)
    {
        _service = service;
        _s = strings;
        _existing = existing;
        _initial = existing is not null ? service.EditInput(existing)
            : copyOf is not null ? service.CopyInput(copyOf, usedCodes)
            : service.NewProfileInput(usedCodes);
        _initial = _initial with { Password = "", PasswordConfirmation = "" };
        _expectedVersion = _initial.ExpectedVersion;

        Title = existing is not null ? _s.Format(TextKey.Editor_TitleEdit, existing.Code)
            : copyOf is not null ? _s.Format(TextKey.Editor_TitleCopy, copyOf.Code)
            : _s[TextKey.Editor_TitleNew];
        X = 0;
        Y = 0;
        Width = Dim.Fill();
        Height = Dim.Fill(1); // the bottom row is the main screen's key bar, which shows this editor's keys
        ShadowStyle = null;
        // The editor takes the main window's place, in its frame and colours, its tab box where the table's box is and
        // its buttons on the buttons' row: the cells that stay as they were cost nothing on the wire (README,
        // Performance; EditorLayoutTests). A dialog of its own look would repaint all 1,920 cells.
        BorderStyle = LineStyle.Rounded;
        SchemeName = SchemeManager.SchemesToSchemeName(Schemes.Base);

        // Header
        var codeLabel = new Label { X = 0, Y = 0, Text = _s.FieldLabel(Fields.Code) + ":" };
        Code = new NumberField(ProfileRules.MinCode, ProfileRules.MaxCode) { X = Pos.Right(codeLabel) + 1, Y = 0, Width = 7, Text = _initial.Code, ReadOnly = existing is not null, CanFocus = existing is null };
        var descriptionLabel = new Label { X = Pos.Right(Code) + 2, Y = 0, Text = _s.FieldLabel(Fields.Description) + ":" };
        Description = new TextField { X = Pos.Right(descriptionLabel) + 1, Y = 0, Width = Dim.Fill(), Text = _initial.Description };
        var passwordLabel = new Label { X = 0, Y = 1, Text = _s.FieldLabel(Fields.Password) + ":" };
        Password = new TextField { X = Pos.Right(passwordLabel) + 1, Y = 1, Width = 12, Secret = true };
        var confirmLabel = new Label { X = Pos.Right(Password) + 2, Y = 1, Text = _s.FieldLabel(Fields.PasswordConfirmation) + ":" };
        PasswordConfirmation = new TextField { X = Pos.Right(confirmLabel) + 1, Y = 1, Width = 12, Secret = true };
        var keepHint = new Label { X = Pos.Right(PasswordConfirmation) + 1, Y = 1, Text = existing is null ? "" : _s[TextKey.Editor_PasswordKeep] };
        Add(codeLabel, Code, descriptionLabel, Description, passwordLabel, Password, confirmLabel, PasswordConfirmation, keepHint);

        _access = new Choice<InternetAccess>(Access, InternetAccess.None);
        LayOutGeneral();
        LayOutCommunication();
        LayOutFilter();
        // Row 3 of the screen stays blank (the main screen's last settings row), so the tab box runs from the table box's
        // top row to its bottom row.
        Tabs = new PageTabs { X = 0, Y = 3, Width = Dim.Fill(), Height = Dim.Fill(ProblemLines) };
        Tabs.Add(General, Communication, Filter);
        _problems = new Label { X = 0, Y = Pos.AnchorEnd(ProblemLines), Width = Dim.Fill(), Height = ProblemLines, Text = KeyNames.Hints(_s, Keybindings) };
        Add(Tabs, _problems);
        _problems.FrameChanged += (_, _) => { if (Problems.Count > 0) RenderProblems(); }; // another width: wrapped again

        Register(Fields.Code, Code, null);
        Register(Fields.Description, Description, null);
        Register(Fields.Password, Password, null);
        Register(Fields.PasswordConfirmation, PasswordConfirmation, null);

        _leave = Ui.MnemonicButton(_s[TextKey.Editor_Leave]);
        _validate = Ui.MnemonicButton(_s[TextKey.Screen_Validate]);
        AddButton(_leave);
        AddButton(_validate); // the last added is the default button: Enter validates
        // Dialog puts its buttons a row below the content; here they come right under the problems, on the main screen's
        // buttons row.
        _leave.Y = 0;
        _validate.Y = 0;
        Padding.Thickness = Padding.Thickness with { Bottom = 1 };

        // Esc is Sair in the key table; this is for anything else that cancels the dialog.
        AddCommand(Command.Cancel, () =>
        {
            Leave();
            return true;
        });
        UpdateEnabled();
    }

    /// <summary>The cursor starts on the description: the code is suggested (new) or fixed (edit).</summary>
    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        base.OnIsRunningChanged(newIsRunning);
        if (newIsRunning)
            Description.SetFocus();
    }

    public NumberField Code { get; }
    public TextField Description { get; }
    public TextField Password { get; }
    public TextField PasswordConfirmation { get; }
    public Tabs Tabs { get; }

    /// <summary>What Validar saved, or null when the editor was left without saving.</summary>
    public ProfileSaved? Saved { get; private set; }

    public IKeyTable KeyTable => Keybindings;

    public Action? ActionFor(Key key) => Keybindings.ActionFor(_s, this, key, MostFocused);

    private void Register(string field, View view, View? tab)
    {
        _fields[field] = (view, tab);
        WatchProblems(field, view);
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
        InternetAccess = _access.Value,
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

    /// <summary>Validar on a saved profile with nothing changed: the editor closed without saving anything.</summary>
    public bool Unchanged { get; private set; }

    /// <summary>Validar: save through the service, or list every problem and go to the first.</summary>
    public void Validate()
    {
        if (_existing is not null && !HasChanges)
        {
            // Nothing to save: no new version, no history, and no "Perfil 8 alterado." for a change nobody made.
            Unchanged = true;
            App?.RequestStop(this);
            return;
        }
        ProfileInput input = CurrentInput();
        Outcome<ProfileSaved> outcome = _existing is null ? _service.CreateProfile(input) : _service.UpdateProfile(_existing.Code, input);
        ShowProblems(outcome.Errors, TextKey.Editor_Errors);
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

    /// <summary>Testar ligação with the values as typed (nothing is saved): only the fields a terminal connects with must be right.</summary>
    public void TestConnection()
    {
        Outcome<ConnectionSettings> connection = _service.Connection(CurrentInput());
        if (connection.Value is not ConnectionSettings settings)
        {
            ShowProblems(connection.Errors, TextKey.Probe_FixFirst);
            FocusFirst(connection.Errors);
            return;
        }
        using var probe = new ProbeDialog(_s, settings);
        App!.Run(probe);
        LastProbe = probe.Reports;
    }

    /// <summary>F1: help on the field with the cursor first, then the editor's keys and fields.</summary>
    public void ShowHelp() => TextDialog.Show(App!, _s, _s[TextKey.Help_EditorTitle], HelpText.EditorLines(_s, FieldWithCursor()));

    /// <summary>F9: the history of this profile (a new one has none yet).</summary>
    public void ShowHistory()
    {
        IReadOnlyList<AuditEntry> entries = _existing is null ? [] :
            _service.Audit(MainScreen.HistoryEntries).Where(e => e.ProfileCode == _existing.Code).ToList();
        TextDialog.Show(App!, _s, _s[TextKey.Audit_Title], entries.Count == 0 ? [_s[TextKey.Audit_Empty]] : AuditText.Lines(_s, entries));
    }

    /// <summary>F6: the terminals' routes as saved; what is typed here counts only once saved, and the dialog says so.</summary>
    public void ShowRoutes()
    {
        var (_, routes, warnings) = _service.Check();
        IEnumerable<string> lines = RouteText.Lines(_s, routes, warnings);
        if (HasChanges)
            lines = lines.Prepend("").Prepend(_s[TextKey.Route_EditorUnsaved]);
        TextDialog.Show(App!, _s, _s[TextKey.Route_Title], lines);
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
