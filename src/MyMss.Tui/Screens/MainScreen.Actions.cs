using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>What the main screen's buttons and keys do.</summary>
public sealed partial class MainScreen
{
    public void NewProfile() => OpenEditor(null);

    public void EditSelected()
    {
        if (ReadSelected() is SyncProfile profile)
            OpenEditor(profile);
    }

    /// <summary>Copiar: a new profile with the selected one's values, the next free code proposed, and a password to type.</summary>
    public void CopySelected()
    {
        if (ReadSelected() is SyncProfile source)
            OpenEditor(null, source);
    }

    /// <summary>The selected profile as saved now (the table holds codes and descriptions only), or null after saying why not.</summary>
    private SyncProfile? ReadSelected()
    {
        if (SelectedCode is not int code)
        {
            Say(_s[TextKey.Screen_NoSelection]);
            return null;
        }
        if (_model.Service.Profile(code) is not SyncProfile profile)
        {
            Reload();
            Say(_s.Format(TextKey.Error_ProfileNotFound, code));
            return null;
        }
        return profile;
    }

    private void OpenEditor(SyncProfile? profile, SyncProfile? copyOf = null, Action<ProfileEditor>? prepare = null)
    {
        Say(""); // what the last action said is not about this one
        using var editor = new ProfileEditor(_model.Service, _s, profile, _model.Profiles.Select(p => p.Code), copyOf);
        prepare?.Invoke(editor);
        App!.Run(editor);
        if (editor.Saved is not ProfileSaved saved)
        {
            if (editor.Unchanged && profile is not null)
                Say(_s.Format(TextKey.Screen_Unchanged, profile.Code));
            ShowDirty();
            return;
        }
        Reload();
        Table.Reveal(saved.Profile.Code); // even when the find on the table would hide it
        string text = profile is not null ? _s.Format(TextKey.Screen_Updated, saved.Profile.Code)
            : copyOf is not null ? _s.Format(TextKey.Screen_Copied, saved.Profile.Code, copyOf.Code)
            : _s.Format(TextKey.Screen_Created, saved.Profile.Code);
        if (saved.BecameDefault)
            text += " " + _s.Format(TextKey.Cli_ProfileBecameDefault, saved.Profile.Code);
        if (saved.LicensingRefreshAdvised)
            text += "\n" + _s[TextKey.Licensing_Reminder];
        Say(text);
        ShowDirty();
    }

    public void DeleteSelected()
    {
        Say("");
        if (SelectedCode is not int code || _model.Saved.Find(code) is not ProfileSummary profile)
        {
            Say(_s[TextKey.Screen_NoSelection]);
            return;
        }
        IReadOnlyList<FieldError> blockers = _model.Service.DeletionBlockers(code);
        bool chosenHere = _model.DefaultCode == code || _model.AlternativeCode == code;
        if (blockers.Count > 0)
        {
            // The saved settings still name it; when the choices on screen no longer do, they only need saving first.
            Ui.Error(App!, _s, _s[TextKey.Screen_DeleteRefused], blockers, _model.ChoicesUnsaved && !chosenHere ? _s[TextKey.Screen_SaveChoicesFirst] : null);
            return;
        }
        if (chosenHere)
        {
            // Chosen on screen, not saved: deleting it would quietly undo that choice.
            Say(_s.Format(TextKey.Screen_DeleteChosenUnsaved, code));
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
        int row = Table.SelectedIndex;
        Reload();
        SelectRow(row); // the row that took its place, or the one above when it was the last
        Say(_s.Format(TextKey.Screen_Deleted, code));
        ShowDirty();
    }

    /// <summary>Gravar: saves frequency, default and alternative through the service; refusals name each field and move focus to the first.</summary>
    public bool Save()
    {
        if (!_model.IsDirty)
        {
            Say(_s[TextKey.Screen_NothingToSave]);
            return true;
        }
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

    private IReadOnlyList<FieldError> _settingsErrors = [];

    private void MarkSettingsErrors(IReadOnlyList<FieldError> errors)
    {
        _settingsErrors = errors;
        Ui.MarkError(Frequency, errors.Any(e => e.Field == Fields.FrequencyHours));
        Ui.MarkError(DefaultProfile, errors.Any(e => e.Field == Fields.DefaultProfile));
        Ui.MarkError(AlternativeProfile, errors.Any(e => e.Field == Fields.AlternativeProfile));
    }

    /// <summary>A field marked wrong that was changed since is no longer known to be wrong: its mark goes (both profiles when either changes, as one rule ties them).</summary>
    private void Unmark(bool frequency, bool profiles)
    {
        if (_settingsErrors.Count == 0)
            return;
        MarkSettingsErrors(_settingsErrors.Where(e =>
            !(frequency && e.Field == Fields.FrequencyHours)
            && !(profiles && e.Field is Fields.DefaultProfile or Fields.AlternativeProfile)).ToList());
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

    /// <summary>'/' or Ctrl+F: the cursor goes to the table, and what is typed there finds profiles by code or description.</summary>
    public void StartFind()
    {
        Table.SetFocus();
        Table.StartFind();
    }

    /// <summary>Esc: every profile shown again.</summary>
    public void ClearFind() => Table.ClearFind();

    /// <summary>F7: the next sort of the table (the header marks the column and the direction).</summary>
    public void NextSort()
    {
        Table.NextSort();
        bool byCode = Table.Sort is ProfileSort.CodeAscending or ProfileSort.CodeDescending;
        bool ascending = Table.Sort is ProfileSort.CodeAscending or ProfileSort.DescriptionAscending;
        Say(_s.Format(TextKey.Screen_SortedBy, _s.FieldLabel(byCode ? Fields.Code : Fields.Description),
            _s[ascending ? TextKey.Screen_Ascending : TextKey.Screen_Descending]));
    }

    /// <summary>How many audit entries F9 shows (the command line can list them all).</summary>
    public const int HistoryEntries = 500;

    /// <summary>F9: the history, where a change can be undone (Repor); the screen reads the database again after one.</summary>
    public void ShowHistory()
    {
        Say("");
        if (!HistoryDialog.Show(App!, _model.Service, _s))
            return;
        Reload();
        ShowDirty();
    }

    /// <summary>F6: the routes of the default and alternative on screen; when those are not saved yet, the dialog says so first.</summary>
    public void ShowRoutes()
    {
        bool unsaved = _model.ChoicesUnsaved;
        var (_, routes, warnings) = _model.Service.Check(unsaved ? (_model.DefaultCode, _model.AlternativeCode) : null);
        IEnumerable<string> lines = RouteText.Lines(_s, routes, warnings);
        ShowText(_s[TextKey.Route_Title], unsaved ? lines.Prepend("").Prepend(_s[TextKey.Route_ScreenUnsaved]) : lines);
    }

    public void ShowHelp() => ShowText(_s[TextKey.Help_Title], HelpText.Lines(_s));

    private void ShowText(string title, IEnumerable<string> lines) => TextDialog.Show(App!, _s, title, lines);

    /// <summary>Sair: with unsaved settings asks Gravar / Descartar / Cancelar first.</summary>
    public void RequestQuit()
    {
        if (_model.IsDirty)
        {
            int? choice = MessageBox.Query(App!, _s[TextKey.Screen_QuitTitle], _s[TextKey.Screen_QuitQuestion],
                _s[TextKey.Screen_Save], _s[TextKey.Screen_Discard], _s[TextKey.Screen_Cancel]);
            if (choice is null or 2)
                return;
            if (choice == 0 && !Save())
                return;
        }
        App!.RequestStop(this);
    }
}
