using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Tui.Resources;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>What the editor gives to a draft (Drafts/DraftKeeper.cs) and takes back from one.</summary>
public sealed partial class ProfileEditor
{
    /// <summary>The code of the saved profile this editor changes; null for Novo.</summary>
    public int? EditedCode => _existing?.Code;

    /// <summary>The values the editor opened with (no password).</summary>
    public ProfileInput Opened => _initial;

    /// <summary>
    /// What was typed and not saved, without the passwords (a draft never holds one); null when nothing else was changed.
    /// Its ExpectedVersion is the version of the profile last seen here.
    /// </summary>
    public ProfileInput? Unsaved()
    {
        ProfileInput now = CurrentInput() with { Password = "", PasswordConfirmation = "" };
        return now.SameAs(_initial with { ExpectedVersion = _expectedVersion }) ? null : now;
    }

    /// <summary>
    /// Puts a draft's values into the fields, as if typed here (the passwords stay empty). <paramref name="note"/>, when
    /// given, is shown where the problems are: the profile changed or went since the draft was written.
    /// </summary>
    public void Restore(ProfileInput draft, FieldError? note)
    {
        if (_existing is null)
            Code.Text = draft.Code;
        Description.Text = draft.Description;
        Host.Text = draft.Host;
        Port.Text = draft.Port;
        Timeout.Text = draft.TimeoutSeconds;
        Retries.Text = draft.Retries;
        Compression.Text = draft.Compression;
        Encryption.Value = draft.Encryption ? CheckState.Checked : CheckState.UnChecked;
        ChooseAccess(draft.InternetAccess);
        ExternalHost.Text = draft.ExternalHost;
        ExternalPort.Text = draft.ExternalPort;
        FilterEnabled.Value = draft.FilterEnabled ? CheckState.Checked : CheckState.UnChecked;
        foreach (var (name, send, receive) in _tables)
        {
            TableTransfer? t = draft.Tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
            send.Value = t?.Send == true ? CheckState.Checked : CheckState.UnChecked;
            receive.Value = t?.Receive == true ? CheckState.Checked : CheckState.UnChecked;
        }
        UpdateEnabled();
        if (note is not null)
            ShowProblems([note], TextKey.Draft_Restored);
    }
}
