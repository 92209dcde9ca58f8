using MyMss.Tui.Resources;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>Read-only, scrollable text in a full-screen dialog: help (F1), history (F9), routes (F6).</summary>
public sealed class TextDialog : Dialog
{
    public TextDialog(Strings s, string title, IEnumerable<string> lines)
    {
        Title = title;
        X = 0;
        Y = 0;
        Width = Dim.Fill();
        Height = Dim.Fill(1);
        ShadowStyle = null;
        Text = string.Join("\n", lines);
        // TextView is marked obsolete in 2.5.0 in favour of a separate editor package; read-only scrolling text is all that is needed here.
#pragma warning disable CS0618
        var body = new TextView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, Text = Text };
#pragma warning restore CS0618
        Add(body);
        AddButton(new Button { Text = s[TextKey.Screen_Ok], ShadowStyle = null });
    }
}
