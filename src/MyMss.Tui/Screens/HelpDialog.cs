using MyMss.Core.Domain;
using MyMss.Tui.Resources;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>F1: every key and one line per field, from the manual, in the screen's language.</summary>
public sealed class HelpDialog : Dialog
{
    public static readonly string[] FieldOrder =
    [
        Fields.FrequencyHours, Fields.DefaultProfile, Fields.AlternativeProfile, Fields.Code, Fields.Description, Fields.Password,
        Fields.Host, Fields.Port, Fields.TimeoutSeconds, Fields.Retries, Fields.Compression, Fields.Encryption,
        Fields.InternetAccess, Fields.ExternalHost, Fields.ExternalPort, Fields.TransferFilter,
    ];

    public HelpDialog(Strings s)
    {
        Title = s["Help_Title"];
        Width = Dim.Fill(2);
        Height = Dim.Fill(1);
        ShadowStyle = null;
        Text = Content(s);
        // TextView is marked obsolete in 2.5.0 in favour of a separate editor package; read-only scrolling text is all that is needed here.
#pragma warning disable CS0618
        var body = new TextView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, Text = Text };
#pragma warning restore CS0618
        Add(body);
        AddButton(new Button { Text = s["Screen_Ok"], ShadowStyle = null });
    }

    public static string Content(Strings s)
    {
        var lines = new List<string> { s["Help_Keys"] };
        foreach (string key in new[] { "Help_KeyNew", "Help_KeyEdit", "Help_KeyDelete", "Help_KeySave", "Help_KeyHelp", "Help_KeyHistory", "Help_KeyQuit", "Help_KeyMove", "Help_KeyEditor" })
            lines.Add("  " + s[key]);
        lines.Add("");
        lines.Add(s["Help_Fields"]);
        foreach (string field in FieldOrder)
            lines.Add($"  {s.FieldLabel(field)}: {s["Help_" + field]}");
        return string.Join("\n", lines);
    }
}
