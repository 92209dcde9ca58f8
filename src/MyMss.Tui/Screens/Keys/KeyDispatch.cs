using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace MyMss.Tui.Screens.Keys;

/// <summary>
/// Sends each key to the key table of the screen in front, before any widget sees it (the profile table would
/// otherwise swallow '?', a text field Del). Keys a table leaves alone, and every key while a drop-down list is open
/// (Esc closes the list, Enter picks), go on to the widgets as usual.
/// </summary>
public static class KeyDispatch
{
    public static void Install(IApplication app)
    {
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (key.Handled || app.TopRunnableView is not IKeyedScreen screen || app.Popovers?.GetActivePopover() is not null)
                return;
            if (screen.ActionFor(key) is not Action action)
                return;
            key.Handled = true; // before the action: it may run a dialog of its own
            if (HoldsTheKeyStill(app))
                app.TimedEvents!.Add(TimeSpan.Zero, () =>
                {
                    action();
                    return false;
                });
            else
                action();
        };
    }

    /// <summary>
    /// Terminal.Gui 2.5.0 tells Alt+letter (ESC and a letter) from a longer sequence only when nothing follows for 50 ms, and
    /// then raises the key while its parser still holds the two characters (they are cleared after the handlers return). A
    /// dialog run from the handler reads them again, as a second press of the same key, in its own loop: Alt+S (Sair) in
    /// the editor answered its own "Sair sem gravar?" with Sim, Alt+R (Repor) in the history restored without asking.
    /// While the parser holds them, the action waits until this iteration has finished reading (nothing else was typed
    /// within those 50 ms, so nothing typed after it is read before it).
    /// </summary>
    private static bool HoldsTheKeyStill(IApplication app) =>
        app.Driver?.GetInputProcessor()?.GetParser()?.State is { } state && state != AnsiResponseParserState.Normal;
}
