using Terminal.Gui.App;

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
            action();
        };
    }
}
