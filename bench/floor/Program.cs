// The smallest Terminal.Gui screen: one window, one line of text, Esc or Ctrl+Q quits. bench/run starts it as it
// starts mymss (80x24, xterm-256color) and waits for its text, to show the floor Terminal.Gui sets.
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

using IApplication app = Application.Create().Init(DriverRegistry.Names.ANSI);
using var window = new Window { Title = "floor", Width = Dim.Fill(), Height = Dim.Fill() };
window.Add(new Label { X = 1, Y = 1, Text = "Terminal.Gui floor: Ctrl+Q" });
window.KeyDown += (_, key) =>
{
    if (key == Key.Q.WithCtrl)
    {
        app.RequestStop();
        key.Handled = true;
    }
};
app.Run(window);
return 0;
