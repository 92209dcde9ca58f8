using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens.Keys;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>
/// The restore, shown before it is done: each field from its value now to the value it gets back, and, when the history
/// cannot give a password back, two fields for a new one. Repor restores against the versions shown.
/// </summary>
public sealed class RestoreDialog : Dialog
{
    private readonly SyncConfiguration _service;
    private readonly Strings _s;
    private readonly RestorePlan _plan;
    private readonly Label _problems;

    public RestoreDialog(SyncConfiguration service, Strings s, RestorePlan plan)
    {
        _service = service;
        _s = s;
        _plan = plan;
        Title = s.Format(TextKey.History_RestoreTitle, plan.Entry.Id);
        Width = Dim.Percent(90);
        ShadowStyle = null;
        string heading = plan.Kind switch
        {
            RestoreKind.ProfileValues => s.Format(TextKey.History_RestoreProfile, plan.ProfileCode),
            RestoreKind.ProfileBack => s.Format(TextKey.History_RestoreBack, plan.ProfileCode),
            RestoreKind.ProfileRemoved => s.Format(TextKey.History_RestoreRemove, plan.ProfileCode),
            _ => s[TextKey.History_RestoreSettings],
        };
        bool created = AuditText.Created(plan.Changes);
        List<string> lines = [heading, .. plan.Changes.Select(c => "  " + AuditText.Change(s, c, created))];
        var text = new Label { X = 0, Y = 0, Width = Dim.Fill(), Text = string.Join("\n", lines) };
        Add(text);
        int y = lines.Count + 1;
        if (plan.NeedsPassword)
        {
            Add(new Label { X = 0, Y = y, Width = Dim.Fill(), Text = s[TextKey.History_NewPassword] });
            var passwordLabel = new Label { X = 0, Y = y + 1, Text = s.FieldLabel(Fields.Password) + ":" };
            string confirmText = s.FieldLabel(Fields.PasswordConfirmation) + ":";
            int labels = Math.Max(passwordLabel.Text.Length, confirmText.Length) + 1;
            Password = new TextField { X = labels, Y = y + 1, Width = 20, Secret = true };
            var confirmLabel = new Label { X = 0, Y = y + 2, Text = confirmText };
            PasswordConfirmation = new TextField { X = labels, Y = y + 2, Width = 20, Secret = true };
            Add(passwordLabel, Password, confirmLabel, PasswordConfirmation);
            y += 4;
        }
        // Only a password can be typed wrong here: anything else refused is said by the history once this closes.
        int problems = plan.NeedsPassword ? 2 : 0;
        _problems = new Label { X = 0, Y = y, Width = Dim.Fill(), Height = problems, Text = "" };
        Add(_problems);
        Height = y + problems + 4; // the buttons and the border
        _restore = Ui.MnemonicButton(s[TextKey.History_Restore]);
        _cancel = Ui.MnemonicButton(s[TextKey.Screen_Cancel]);
        AddButton(_restore);
        AddButton(_cancel); // the last added is the default: Enter on a button never restores by accident, as in Sim / Não
    }

    private readonly Button _restore;
    private readonly Button _cancel;

    /// <summary>The new password, when the restore needs one.</summary>
    public TextField? Password { get; }

    public TextField? PasswordConfirmation { get; }

    /// <summary>The restore done, or null when cancelled or refused.</summary>
    public Restored? Done { get; private set; }

    /// <summary>Why the restore was refused, other than the password (shown by the history once this closes).</summary>
    public IReadOnlyList<FieldError>? Refused { get; private set; }

    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        base.OnIsRunningChanged(newIsRunning);
        if (newIsRunning)
            ((View?)Password ?? _cancel).SetFocus(); // Enter on the button with the cursor must not restore by accident either
    }

    /// <summary>Every Accept ends here: Repor restores; Enter in the password goes on to the confirmation, and there restores; anything else cancels.</summary>
    protected override bool OnAccepting(CommandEventArgs args)
    {
        View? source = null;
        args.Context?.Source?.TryGetTarget(out source);
        source ??= MostFocused;
        if (source == _restore || (Password is not null && source == PasswordConfirmation))
            Restore();
        else if (Password is not null && source == Password)
            PasswordConfirmation!.SetFocus();
        else
            App?.RequestStop(this);
        return true;
    }

    /// <summary>Alt and the marked letter of Repor and Cancelar (the buttons leave their letters to the password fields).</summary>
    protected override bool OnKeyDown(Key key)
    {
        if (Mnemonic.AltKey(_s[TextKey.History_Restore]) is Key restore && key == restore)
        {
            Restore();
            return true;
        }
        if (Mnemonic.AltKey(_s[TextKey.Screen_Cancel]) is Key cancel && key == cancel)
        {
            App?.RequestStop(this);
            return true;
        }
        return base.OnKeyDown(key);
    }

    private void Restore()
    {
        var input = new RestoreInput(Password?.Text ?? "", PasswordConfirmation?.Text, _plan.Version);
        Outcome<Restored> outcome = _service.Restore(_plan.Entry.Id, input);
        if (outcome.IsOk)
        {
            Done = outcome.Value;
            App?.RequestStop(this);
            return;
        }
        if (outcome.Errors.All(e => e.Field is Fields.Password or Fields.PasswordConfirmation) && Password is not null)
        {
            // Typed wrong: said here, the fields kept, the cursor on the password.
            _problems.Text = string.Join("\n", outcome.Errors.Select(_s.Describe));
            Ui.MarkError(Password, outcome.Errors.Any(e => e.Field == Fields.Password));
            Ui.MarkError(PasswordConfirmation!, outcome.Errors.Any(e => e.Field == Fields.PasswordConfirmation));
            Ui.Later(App, () => (outcome.Errors[0].Field == Fields.Password ? Password : PasswordConfirmation!).SetFocus());
            return;
        }
        Refused = outcome.Errors;
        App?.RequestStop(this);
    }
}
