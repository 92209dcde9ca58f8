using MyMss.Tui.Output;
using MyMss.Tui.Resources;
using Terminal.Gui.App;
using Terminal.Gui.Input;

namespace MyMss.Tui.Screens.Keys;

/// <summary>Keys that act on whatever is in front, message boxes included (installed by <see cref="ScreenLauncher.CreateApplication"/>).</summary>
public static class CommonKeys
{
    public static readonly KeyTable<IApplication> Keybindings = new(
        // Text another program wrote over the screen (wall, a kernel message) stays until every cell is sent again.
        new Binding<IApplication>([Key.L.WithCtrl], TextKey.Key_Repaint, TextKey.KeyHelp_Repaint, FrugalApplication.Repaint));

    public static void Install(IApplication app, Strings strings)
    {
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (key.Handled || Keybindings.ActionFor(strings, app, key, null) is not Action action)
                return;
            key.Handled = true;
            action();
        };
    }
}
