using System.Collections.ObjectModel;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens.Keys;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>
/// F9 Histórico: the changes, newest first, one line each, and under them every field of the selected one. Repor puts
/// back the values from before the selected change, through the service's rules (docs/rules.md, "Restoring from the
/// history"): what will change is shown first, a new password is asked for when the history cannot give one back, and a
/// refusal is explained field by field.
/// </summary>
public sealed class HistoryDialog : Dialog, IKeyedScreen
{
    /// <summary>The keys of the history (↑ ↓ PgUp PgDn Home End move in the list, as in any list).</summary>
    public static readonly KeyTable<HistoryDialog> Keybindings = new(
        new([Key.F5], TextKey.History_Restore, TextKey.KeyHelp_Restore, d => d.RestoreSelected()) { InStatusBar = true, Mnemonic = true },
        new([Key.Esc], TextKey.Key_Close, TextKey.KeyHelp_Close, d => d.App?.RequestStop(d)) { InStatusBar = true });

    /// <summary>
    /// Rows under the list: the line, the fields of the selected change — eleven for a profile created or deleted, the
    /// most a change has — and two for what a restore says. The list takes the rest (seven rows at 80x24).
    /// </summary>
    private const int FieldRows = 11, BelowList = 1 + FieldRows + 2;

    private readonly SyncConfiguration _service;
    private readonly Strings _s;
    private readonly ObservableCollection<string> _lines = [];
    private readonly Label _details;
    private readonly Label _message;
    private IReadOnlyList<AuditEntry> _entries = [];

    public HistoryDialog(SyncConfiguration service, Strings s)
    {
        _service = service;
        _s = s;
        Title = s[TextKey.Audit_Title];
        X = 0;
        Y = 0;
        Width = Dim.Fill();
        Height = Dim.Fill(1); // the bottom row is the main screen's key bar, which shows these keys
        ShadowStyle = null;
        List = new ListView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(BelowList), Source = new ListWrapper<string>(_lines) };
        List.ValueChanged += (_, _) => ShowDetails();
        List.Accepting += (_, e) => e.Handled = true; // Enter picks nothing here: Repor is asked for by its key
        var rule = new Line { X = 0, Y = Pos.Bottom(List), Width = Dim.Fill(), Orientation = Orientation.Horizontal };
        _details = new Label { X = 0, Y = Pos.Bottom(rule), Width = Dim.Fill(), Height = Dim.Fill(2), Text = "" };
        // The button stands beside the message, not under it, so that the fields of any change fit at 80x24.
        var restore = Ui.MnemonicButton(s[TextKey.History_Restore]);
        restore.X = Pos.AnchorEnd();
        restore.Y = Pos.AnchorEnd(1);
        restore.Accepting += (_, e) =>
        {
            e.Handled = true;
            RestoreSelected();
        };
        _message = new Label { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(Dim.Width(restore) + 1), Height = 2, Text = "" };
        Add(List, rule, _details, _message, restore);
        _details.FrameChanged += (_, _) => ShowDetails(); // another height: as many fields as fit
        Reload();
    }

    /// <summary>The changes, one line each.</summary>
    public ListView List { get; }

    /// <summary>The fields of the selected change, as shown under the list.</summary>
    public string Details => _details.Text;

    /// <summary>What the last action said (a restore done), under the fields.</summary>
    public string Message => _message.Text;

    /// <summary>Whether a restore changed the database (the main screen reads it again).</summary>
    public bool Restored { get; private set; }

    public IReadOnlyList<AuditEntry> Entries => _entries;

    public AuditEntry? Selected => List.SelectedItem is int i && i < _entries.Count ? _entries[i] : null;

    public IKeyTable KeyTable => Keybindings;

    public Action? ActionFor(Key key) => Keybindings.ActionFor(_s, this, key, MostFocused);

    /// <summary>Shows the history until the technician closes it; true when a restore changed something.</summary>
    public static bool Show(Terminal.Gui.App.IApplication app, SyncConfiguration service, Strings s)
    {
        using var dialog = new HistoryDialog(service, s);
        app.Run(dialog);
        return dialog.Restored;
    }

    private void Reload(long? select = null)
    {
        _entries = _service.Audit(MainScreen.HistoryEntries);
        _lines.Clear();
        int idWidth = AuditText.IdWidth(_entries);
        foreach (AuditEntry e in _entries)
            _lines.Add(AuditText.Heading(_s, e, idWidth));
        if (_entries.Count == 0)
            _lines.Add(_s[TextKey.Audit_Empty]);
        int index = select is long id ? Math.Max(0, _entries.ToList().FindIndex(e => e.Id == id)) : 0;
        List.SelectedItem = _lines.Count == 0 ? null : index;
        ShowDetails();
    }

    /// <summary>Every field of the selected change; what does not fit is counted on the last line.</summary>
    private void ShowDetails()
    {
        if (Selected is not AuditEntry e)
        {
            _details.Text = "";
            return;
        }
        bool created = AuditText.Created(e.Changes);
        List<string> lines = [.. e.Changes.Select(c => "  " + AuditText.Change(_s, c, created))];
        int room = _details.Frame.Height > 0 ? _details.Frame.Height : lines.Count;
        if (lines.Count > room && room > 0)
            lines = [.. lines.Take(room - 1), "  " + _s.Format(TextKey.History_More, lines.Count - room + 1)];
        string text = string.Join("\n", lines);
        if (_details.Text != text)
            _details.Text = text;
    }

    /// <summary>Repor: what the restore would change, then (confirmed, with a new password when one is needed) the restore.</summary>
    public void RestoreSelected()
    {
        if (Selected is not AuditEntry entry)
            return;
        _message.Text = "";
        Outcome<RestorePlan> plan = _service.PlanRestore(entry.Id);
        if (plan.Value is not RestorePlan restorePlan)
        {
            Ui.Error(App!, _s, _s.Format(TextKey.History_Refused, entry.Id), plan.Errors);
            return;
        }
        using var confirm = new RestoreDialog(_service, _s, restorePlan);
        App!.Run(confirm);
        if (confirm.Refused is { } refused)
        {
            // Changed by another session while the restore was shown: its change is now in the list, and the next Repor sees it.
            Ui.Error(App!, _s, _s.Format(TextKey.History_Refused, entry.Id), refused.Select(e =>
                e.MessageKey == MessageKeys.ChangedElsewhere ? e with { MessageKey = nameof(TextKey.History_ChangedElsewhere) } : e));
            Reload(entry.Id);
            return;
        }
        if (confirm.Done is not Core.Services.Restored done)
            return;
        Restored = true;
        Reload(done.Recorded.Id);
        string said = _s.Format(TextKey.History_Restored, entry.Id, done.Recorded.Id);
        if (done.LicensingRefreshAdvised)
            said += "\n" + _s[TextKey.Licensing_Reminder];
        _message.Text = said;
    }
}
