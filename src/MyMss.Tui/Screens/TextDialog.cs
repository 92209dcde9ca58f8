using MyMss.Tui.Resources;
using MyMss.Tui.Screens.Keys;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>Read-only, scrollable text in a full-screen dialog: help (F1), history (F9), routes (F6).</summary>
public sealed class TextDialog : Dialog, IKeyedScreen
{
    /// <summary>The keys of every text dialog (the arrows move line by line in the text as usual).</summary>
    public static readonly KeyTable<TextDialog> Keybindings = new(
        new([Key.Esc, Key.Enter], TextKey.Key_Close, TextKey.KeyHelp_Close, d => d.App?.RequestStop(d)) { InStatusBar = true },
        new([Key.PageDown], TextKey.Key_PageDown, TextKey.KeyHelp_PageDown, d => d.Body.InvokeCommand(Command.PageDown)) { InStatusBar = true },
        new([Key.PageUp], TextKey.Key_PageUp, TextKey.KeyHelp_PageUp, d => d.Body.InvokeCommand(Command.PageUp)) { InStatusBar = true });

    private readonly Strings _s;

    public TextDialog(Strings s, string title, IEnumerable<string> lines)
    {
        _s = s;
        Title = title;
        X = 0;
        Y = 0;
        Width = Dim.Fill();
        Height = Dim.Fill(1); // the bottom row is the main screen's key bar, which shows these keys
        ShadowStyle = null;
        Text = string.Join("\n", lines);
        // TextView is marked obsolete in 2.5.0 in favour of a separate editor package; read-only scrolling text is all that is needed here.
#pragma warning disable CS0618
        Body = new TextView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, Text = Text };
#pragma warning restore CS0618
        Add(Body);
        AddButton(new Button { Text = s[TextKey.Screen_Ok], ShadowStyle = null });
    }

    /// <summary>Shows the lines until the technician closes them.</summary>
    public static void Show(Terminal.Gui.App.IApplication app, Strings s, string title, IEnumerable<string> lines)
    {
        using var dialog = new TextDialog(s, title, lines);
        app.Run(dialog);
    }

    /// <summary>The text, scrolled by the keys.</summary>
    public View Body { get; }

    public IKeyTable KeyTable => Keybindings;

    public Action? ActionFor(Key key) => Keybindings.ActionFor(_s, this, key, MostFocused);
}
