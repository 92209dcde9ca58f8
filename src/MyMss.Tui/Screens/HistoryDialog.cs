using MyMss.Core.Domain;
using MyMss.Tui.Resources;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>F9 Histórico: the audit trail, newest first, scrollable; passwords only ever read "alterada".</summary>
public sealed class HistoryDialog : Dialog
{
    public const int MaxEntries = 500;

    public HistoryDialog(Strings s, IReadOnlyList<AuditEntry> entries)
    {
        Title = s["Audit_Title"];
        X = 0;
        Y = 0;
        Width = Dim.Fill();
        Height = Dim.Fill(1);
        ShadowStyle = null;
        Text = entries.Count == 0 ? s["Audit_Empty"] : string.Join("\n", AuditText.Lines(s, entries));
        // TextView is marked obsolete in 2.5.0 in favour of a separate editor package; read-only scrolling text is all that is needed here.
#pragma warning disable CS0618
        var body = new TextView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = false, Text = Text };
#pragma warning restore CS0618
        Add(body);
        AddButton(new Button { Text = s["Screen_Ok"], ShadowStyle = null });
    }
}
