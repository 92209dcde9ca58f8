using MyMss.Tui.Resources;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens.Keys;

/// <summary>
/// The bottom line: the status-bar keys of the screen in front. The editor and the text dialogs leave that line to
/// the main screen below them, so the main screen holds this bar and it follows whichever keyed screen is on top.
/// One status bar per key table is made the first time it is needed and then only shown or hidden: nothing is
/// rebuilt when a screen opens again, and the output sends only the cells that differ.
/// </summary>
public sealed class KeyBar(Strings strings, View host)
{
    private readonly Dictionary<IKeyTable, StatusBar> _bars = [];
    private StatusBar? _shown;
    private IKeyedScreen? _front;

    /// <summary>The screen whose keys are shown.</summary>
    public IKeyedScreen? Front => _front;

    public void Show(IKeyedScreen screen)
    {
        _front = screen;
        if (!_bars.TryGetValue(screen.KeyTable, out StatusBar? bar))
        {
            bar = Build(screen.KeyTable);
            _bars[screen.KeyTable] = bar;
            host.Add(bar);
        }
        if (ReferenceEquals(bar, _shown))
            return;
        if (_shown is not null)
            _shown.Visible = false;
        bar.Visible = true;
        _shown = bar;
    }

    /// <summary>Shows the keys of the topmost keyed screen (a message box has none: the keys of the screen under it stay).</summary>
    public void Follow(IApplication app)
    {
        foreach (SessionToken token in app.SessionStack ?? [])
        {
            if (token.Runnable is IKeyedScreen screen)
            {
                Show(screen);
                return;
            }
        }
    }

    private StatusBar Build(IKeyTable table) =>
        new(table.Bindings.Where(b => b.InStatusBar).Select(binding =>
        {
            // No Key on the shortcut: the key table handles the key; the shortcut only shows its name (and a click runs it).
            var shortcut = new Shortcut { Title = binding.LabelIn(strings), Action = () => Click(binding) };
            shortcut.KeyView.Text = KeyNames.Of(binding.Keys[0].Key);
            return shortcut;
        }));

    private void Click(IBinding binding)
    {
        if (_front is not null && binding.Keys.Count > 0 && _front.ActionFor(binding.Keys[0].Key) is Action action)
            action();
    }
}
