using System.Drawing;
using System.Globalization;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>
/// The "Sincronização" screen of the back office: frequency, default and alternative profile, the
/// profile table and its actions. Rules and storage are the service's; this view only shows and collects.
/// </summary>
public sealed class MainScreen : Runnable
{
    private readonly MainScreenModel _model;
    private readonly Strings _s;
    private readonly FrameView _frame;
    private readonly Label _empty;
    private readonly Label _message;
    private bool _updating;

    public MainScreen(SyncConfiguration service, Strings strings, SyncOverview? loaded = null)
    {
        _model = new MainScreenModel(service);
        _s = strings;
        Width = Dim.Fill();
        Height = Dim.Fill();

        _frame = new FrameView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1), Title = _s[TextKey.App_Title] };

        var frequencyLabel = new Label { X = 1, Y = 0, Text = _s.FieldLabel(Fields.FrequencyHours) + ":" };
        Frequency = new TextField { X = Pos.Right(frequencyLabel) + 1, Y = 0, Width = 6 };
        string defaultText = _s.FieldLabel(Fields.DefaultProfile) + ":";
        string alternativeText = _s.FieldLabel(Fields.AlternativeProfile) + ":";
        int labelWidth = Math.Max(defaultText.Length, alternativeText.Length) + 1;
        var defaultLabel = new Label { X = 1, Y = 1, Text = defaultText };
        DefaultProfile = new DropDownList { X = 1 + labelWidth, Y = 1, Width = 36, ReadOnly = true, };
        var alternativeLabel = new Label { X = 1, Y = 2, Text = alternativeText };
        AlternativeProfile = new DropDownList { X = 1 + labelWidth, Y = 2, Width = 36, ReadOnly = true, };

        // The table carries its own titled border: no container around it, so Tab/Shift+Tab run through one focus chain.
        Table = new TableView
        {
            X = 0, Y = 3, Width = Dim.Fill(), Height = Dim.Fill(3), FullRowSelect = true,
            BorderStyle = LineStyle.Rounded, Title = _s[TextKey.Screen_ProfilesFrame],
        };
        Table.Style.ExpandLastColumn = true;
        Table.Style.ShowHorizontalHeaderOverline = false;
        Table.Style.ShowHorizontalBottomLine = false;
        Table.Style.GetOrCreateColumnStyle(0).Alignment = Alignment.End;
        Table.Style.GetOrCreateColumnStyle(0).MinWidth = 6;
        Table.Accepting += (_, e) =>
        {
            e.Handled = true;
            EditSelected();
        };
        _empty = new Label { X = 2, Y = Pos.Top(Table) + 3, Width = Dim.Fill(2), Text = _s[TextKey.Screen_Empty], Visible = false };

        _message = new Label { X = 1, Y = Pos.AnchorEnd(3), Width = Dim.Fill(1), Height = 2, Text = "" };
        Button newButton = MakeButton(_s[TextKey.Screen_New], NewProfile);
        Button editButton = MakeButton(_s[TextKey.Screen_Edit], EditSelected);
        Button deleteButton = MakeButton(_s[TextKey.Screen_Delete], DeleteSelected);
        Button historyButton = MakeButton(_s[TextKey.Screen_History], ShowHistory);
        Button quitButton = MakeButton(_s[TextKey.Screen_Quit], RequestQuit);
        Button saveButton = MakeButton(_s[TextKey.Screen_Save], () => Save());
        newButton.X = 1;
        editButton.X = Pos.Right(newButton) + 1;
        deleteButton.X = Pos.Right(editButton) + 1;
        historyButton.X = Pos.Right(deleteButton) + 1;
        // Gravar and Sair keep to the right edge, but never over Histórico when the terminal is narrow.
        int buttonsWidth = _s[TextKey.Screen_Save].Length + 4 + 1 + _s[TextKey.Screen_Quit].Length + 4; // "⟦ text ⟧" each
        saveButton.X = Pos.Func(_ => Math.Max(historyButton.Frame.Right + 2, (saveButton.SuperView?.Viewport.Width ?? 0) - 1 - buttonsWidth), historyButton);
        quitButton.X = Pos.Right(saveButton) + 1;

        _frame.Add(frequencyLabel, Frequency, defaultLabel, DefaultProfile, alternativeLabel, AlternativeProfile,
            Table, _empty, _message, newButton, editButton, deleteButton, historyButton, saveButton, quitButton);

        var status = new StatusBar(
        [
            new Shortcut(Key.F2, _s[TextKey.Screen_New], NewProfile),
            new Shortcut(Key.F4, _s[TextKey.Screen_Edit], EditSelected),
            new Shortcut(Key.F8, _s[TextKey.Screen_Delete], DeleteSelected),
            new Shortcut(Key.F10, _s[TextKey.Screen_Save], () => Save()),
            new Shortcut(Key.F1, _s[TextKey.Screen_Help], ShowHelp),
            new Shortcut(Key.Q.WithCtrl, _s[TextKey.Screen_Quit], RequestQuit),
        ]);
        Add(_frame, status);

        Frequency.TextChanged += (_, _) => Edited();
        DefaultProfile.TextChanged += (_, _) => Edited();
        AlternativeProfile.TextChanged += (_, _) => Edited();

        // A lone Esc (or an escape sequence split by a slow link) must never leave the application.
        AddCommand(Command.Cancel, () => true);
        KeyBindings.Add(Key.Esc, Command.Cancel);

        _model.Reload(loaded);
        Show();
    }

    /// <summary>The table is what a technician comes for: the cursor starts there (Enter edits, F8 deletes, arrows move).</summary>
    public override void EndInit()
    {
        base.EndInit();
        Table.SetFocus();
    }

    public TextField Frequency { get; }
    public DropDownList DefaultProfile { get; }
    public DropDownList AlternativeProfile { get; }
    public TableView Table { get; }
    public MainScreenModel Model => _model;
    public string Message => _message.Text;

    /// <summary>Keys that act on the whole screen, seen before any widget (the table would otherwise swallow '?').</summary>
    public void InstallKeys(IApplication app)
    {
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (app.TopRunnableView != this || key.Handled)
                return;
            View? focused = MostFocused;
            bool typing = focused is TextField { ReadOnly: false };
            Action? action = KeyAction(key, typing, focused is DropDownList);
            if (action is null)
                return;
            key.Handled = true;
            action();
        };
    }

    private Action? KeyAction(Key key, bool typing, bool inDropDown)
    {
        if (key == Key.F2 || key == Key.N.WithAlt) return NewProfile;
        // F4 opens a drop-down list when one has focus (its own key); elsewhere it is Alterar.
        if ((key == Key.F4 && !inDropDown) || key == Key.A.WithAlt) return EditSelected;
        if (key == Key.F8 || key == Key.E.WithAlt || (key == Key.Delete && !typing)) return DeleteSelected;
        if (key == Key.F10 || key == Key.S.WithCtrl) return () => Save();
        if (key == Key.F1 || (key == (Key)'?' && !typing)) return ShowHelp;
        if (key == Key.F9 || key == Key.H.WithAlt) return ShowHistory;
        if (key == Key.F6 || key == Key.P.WithAlt) return ShowRoutes;
        if (key == Key.Q.WithCtrl || key == Key.R.WithAlt) return RequestQuit;
        return null;
    }

    /// <summary>Enter in a field must not end the screen: only the table's Enter means something (Alterar).</summary>
    protected override bool OnAccepting(CommandEventArgs args) => true;

    private Button MakeButton(string text, Action action)
    {
        var b = new Button { Text = text, Y = Pos.AnchorEnd(1), ShadowStyle = null };
        b.Accepting += (_, e) =>
        {
            e.Handled = true;
            action();
        };
        return b;
    }

    // ---- data → widgets ----

    private void Reload()
    {
        _model.Reload();
        Show();
    }

    private void Show()
    {
        _updating = true;
        try
        {
            IReadOnlyList<ProfileSummary> profiles = _model.Profiles;
            int? selected = SelectedCode;
            Table.Table = new EnumerableTableSource<ProfileSummary>(profiles, new Dictionary<string, Func<ProfileSummary, object>>
            {
                [_s.FieldLabel(Fields.Code)] = p => p.Code,
                [_s.FieldLabel(Fields.Description)] = p => p.Description,
            });
            _empty.Visible = profiles.Count == 0;
            if (profiles.Count > 0)
            {
                int index = selected is int code ? IndexOf(code) : -1;
                SelectRow(index >= 0 ? index : 0);
            }

            DefaultProfile.Source = new ProfileItems(profiles);
            AlternativeProfile.Source = new ProfileItems(profiles, _s[TextKey.Common_None]);
            if (Frequency.Text != _model.FrequencyText)
                Frequency.Text = _model.FrequencyText;
            DefaultProfile.Text = _model.DefaultCode is int d ? ItemOf(d) : "";
            AlternativeProfile.Text = _model.AlternativeCode is int a ? ItemOf(a) : _s[TextKey.Common_None];
        }
        finally
        {
            _updating = false;
        }
        ShowDirty();
        SetNeedsDraw();
    }


    private string ItemOf(int code) => _model.Saved.Find(code) is ProfileSummary p ? ProfileItems.Text(p) : code.ToString(CultureInfo.InvariantCulture);

    private static int? CodeOf(string item)
    {
        int dot = item.IndexOf(" · ", StringComparison.Ordinal);
        return int.TryParse(dot < 0 ? item : item[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out int code) ? code : null;
    }

    private void Edited()
    {
        if (_updating)
            return;
        _model.FrequencyText = Frequency.Text;
        _model.DefaultCode = CodeOf(DefaultProfile.Text);
        _model.AlternativeCode = CodeOf(AlternativeProfile.Text);
        ShowDirty();
    }

    private void ShowDirty()
    {
        bool dirty = _model.IsDirty;
        _frame.Title = _s[TextKey.App_Title] + (dirty ? " *" : "");
        if (dirty)
            Say(_s[TextKey.Screen_Unsaved]);
        else if (_message.Text == _s[TextKey.Screen_Unsaved])
            Say("");
    }

    private void Say(string text) => _message.Text = text;

    public int? SelectedCode =>
        Table.Value?.SelectedCell.Y is int row && row >= 0 && row < _model.Profiles.Count ? _model.Profiles[row].Code : null;

    private int IndexOf(int code)
    {
        for (int i = 0; i < _model.Profiles.Count; i++)
            if (_model.Profiles[i].Code == code)
                return i;
        return -1;
    }

    private void SelectRow(int row) => Table.Value = new TableSelection(new Point(0, Math.Clamp(row, 0, Math.Max(0, _model.Profiles.Count - 1))));

    // ---- actions ----

    public void NewProfile() => OpenEditor(null);

    public void EditSelected()
    {
        if (SelectedCode is not int code)
        {
            Say(_s[TextKey.Screen_NoSelection]);
            return;
        }
        // The table holds codes and descriptions; the whole profile is read now, as saved now.
        if (_model.Service.Profile(code) is not SyncProfile profile)
        {
            Reload();
            Say(_s.Format(TextKey.Error_ProfileNotFound, code));
            return;
        }
        OpenEditor(profile);
    }

    private void OpenEditor(SyncProfile? profile)
    {
        using var editor = new ProfileEditor(_model.Service, _s, profile, _model.Profiles.Select(p => p.Code));
        App!.Run(editor);
        if (editor.Saved is not ProfileSaved saved)
            return;
        Reload();
        SelectRow(IndexOf(saved.Profile.Code));
        string text = _s.Format(profile is null ? TextKey.Screen_Created : TextKey.Screen_Updated, saved.Profile.Code);
        if (saved.BecameDefault)
            text += " " + _s.Format(TextKey.Cli_ProfileBecameDefault, saved.Profile.Code);
        if (saved.LicensingRefreshAdvised)
            text += "\n" + _s[TextKey.Licensing_Reminder];
        Say(text);
        ShowDirty();
    }

    public void DeleteSelected()
    {
        if (SelectedCode is not int code || _model.Saved.Find(code) is not ProfileSummary profile)
        {
            Say(_s[TextKey.Screen_NoSelection]);
            return;
        }
        IReadOnlyList<FieldError> blockers = _model.Service.DeletionBlockers(code);
        if (blockers.Count > 0)
        {
            Ui.Error(App!, _s, _s[TextKey.Screen_DeleteRefused], blockers);
            return;
        }
        if (!Ui.Confirm(App!, _s, _s[TextKey.Screen_DeleteTitle], _s.Format(TextKey.Screen_DeleteQuestion, profile.Code, profile.Description)))
            return;
        Outcome<SyncProfile> outcome = _model.Service.DeleteProfile(code);
        if (!outcome.IsOk)
        {
            Ui.Error(App!, _s, _s[TextKey.Screen_DeleteRefused], outcome.Errors);
            return;
        }
        int row = Table.Value?.SelectedCell.Y ?? 0;
        Reload();
        if (_model.Profiles.Count > 0)
            SelectRow(Math.Min(row, _model.Profiles.Count - 1));
        Say(_s.Format(TextKey.Screen_Deleted, code));
        ShowDirty();
    }

    /// <summary>Gravar: saves frequency, default and alternative through the service; refusals name each field and move focus to the first.</summary>
    public bool Save()
    {
        Outcome<SyncSettings> outcome = _model.Save();
        MarkSettingsErrors(outcome.Errors);
        if (outcome.Status == OutcomeStatus.Conflict)
            Reload(); // another session saved the settings: show them, keep what was typed here
        if (!outcome.IsOk)
        {
            Ui.Error(App!, _s, _s[TextKey.Screen_SaveRefused], outcome.Errors);
            FocusFirst(outcome.Errors);
            return false;
        }
        Show();
        Say(_s[TextKey.Screen_Saved]);
        return true;
    }

    private void MarkSettingsErrors(IReadOnlyList<FieldError> errors)
    {
        Ui.MarkError(Frequency, errors.Any(e => e.Field == Fields.FrequencyHours));
        Ui.MarkError(DefaultProfile, errors.Any(e => e.Field == Fields.DefaultProfile));
        Ui.MarkError(AlternativeProfile, errors.Any(e => e.Field == Fields.AlternativeProfile));
    }

    private void FocusFirst(IReadOnlyList<FieldError> errors)
    {
        View? target = errors.FirstOrDefault()?.Field switch
        {
            Fields.FrequencyHours => Frequency,
            Fields.DefaultProfile => DefaultProfile,
            Fields.AlternativeProfile => AlternativeProfile,
            _ => null,
        };
        if (target is not null)
            Ui.Later(App, () => target.SetFocus());
    }

    /// <summary>How many audit entries F9 shows (the command line can list them all).</summary>
    public const int HistoryEntries = 500;

    public void ShowHistory()
    {
        IReadOnlyList<AuditEntry> entries = _model.Service.Audit(HistoryEntries);
        ShowText(_s[TextKey.Audit_Title], entries.Count == 0 ? [_s[TextKey.Audit_Empty]] : AuditText.Lines(_s, entries));
    }

    public void ShowRoutes()
    {
        var (_, routes, warnings) = _model.Service.Check();
        ShowText(_s[TextKey.Route_Title], RouteText.Lines(_s, routes, warnings));
    }

    public void ShowHelp() => ShowText(_s[TextKey.Help_Title], HelpText.Lines(_s));

    private void ShowText(string title, IEnumerable<string> lines)
    {
        using var dialog = new TextDialog(_s, title, lines);
        App!.Run(dialog);
    }

    /// <summary>Sair: with unsaved settings asks Gravar / Descartar / Cancelar first.</summary>
    public void RequestQuit()
    {
        if (_model.IsDirty)
        {
            int? choice = MessageBox.Query(App!, _s[TextKey.Screen_QuitTitle], _s[TextKey.Screen_QuitQuestion],
                "_" + _s[TextKey.Screen_Save], "_" + _s[TextKey.Screen_Discard], "_" + _s[TextKey.Screen_Cancel]);
            if (choice is null or 2)
                return;
            if (choice == 0 && !Save())
                return;
        }
        App!.RequestStop(this);
    }
}
