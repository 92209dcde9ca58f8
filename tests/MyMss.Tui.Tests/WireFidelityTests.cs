using MyMss.Core.Services;
using MyMss.Tui.Output;
using MyMss.Tui.Screens;
using Terminal.Gui.Input;

namespace MyMss.Tui.Tests;

/// <summary>
/// The program sends only what changed (FrugalOutput). Whatever it skips, the real terminal must still end up
/// showing exactly what Terminal.Gui drew: the same keys go to the real program in tmux and to the headless
/// driver, and after each step the tmux screen must equal the headless driver's text - per TERM, and across resizes.
/// </summary>
[Collection(ScreenCollection.Name)]
public sealed class WireFidelityTests : IDisposable
{
    private readonly TempFolder _tmp = new();
    private readonly string _socket = "mymss-wire-" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose()
    {
        TmuxSession.Run(_socket, "kill-server");
        _tmp.Dispose();
    }

    private static void Seed(SyncConfiguration s) =>
        ScreenHarness.Seed(s, (1, "Rede interna"), (2, "Exterior (rede móvel)"), (3, "Loja do Porto"));

    [Theory]
    [InlineData("xterm-256color", false, false)]
    [InlineData("linux", false, true)]
    [InlineData("vt100", true, true)]
    public void The_real_terminal_shows_what_Terminal_Gui_drew(string term, bool monochrome, bool ascii)
    {
        // What Terminal.Gui means to draw, step by step, on the headless driver.
        var expected = new List<(string Step, string Screen)>();
        string db = _tmp.File("mymss.db");
        string drawnDb;
        using (var h = new ScreenHarness("pt", Seed, monochrome, ascii))
        {
            Assert.IsType<FrugalOutput>(h.App.Driver!.GetOutput()); // the composition the program uses
            File.Copy(h.DatabasePath, db);
            drawnDb = h.DatabasePath;
            expected.Add(("start", h.Text()));
            // The alternative's list opens over the table and closes again.
            h.Keys(Key.Tab.WithShift);
            expected.Add(("BTab", h.Text()));
            h.Keys(Key.Enter);
            expected.Add(("Enter", h.Text()));
            h.Keys(Key.CursorDown);
            expected.Add(("Down", h.Text()));
            h.Keys(Key.Esc);
            expected.Add(("Escape", h.Text()));
            h.Keys(Key.CursorDown);
            expected.Add(("Down", h.Text()));
            h.Keys(Key.CursorDown);
            expected.Add(("Down", h.Text()));
            h.Keys(Key.CursorDown);
            expected.Add(("Down", h.Text()));
            h.Keys(Key.Tab);
            expected.Add(("Tab", h.Text()));
            h.Drive(() => h.Keys(Key.F4),
                Step.On<ProfileEditor>(_ =>
                {
                    expected.Add(("F4", h.Text()));
                    h.Keys(Key.PageDown.WithCtrl);
                    expected.Add(("C-PageDown", h.Text()));
                    h.Keys(Key.PageDown.WithCtrl);
                    expected.Add(("C-PageDown", h.Text()));
                    h.Keys(Key.Esc);
                }));
            expected.Add(("Escape", h.Text()));
            h.App.Driver!.SetScreenSize(100, 30);
            expected.Add(("resize 100x30", h.Text()));
            h.App.Driver!.SetScreenSize(75, 20);
            expected.Add(("resize 75x20", h.Text())); // the smallest the screen takes in Portuguese (SmallTerminal)
            // Smaller: one centred line with the size it needs, no cell of the screen left anywhere; then all of it again.
            foreach (var (cols, rows) in new[] { (40, 10), (20, 5), (80, 24) })
            {
                h.App.Driver!.SetScreenSize(cols, rows);
                expected.Add(($"resize {cols}x{rows}", h.Text()));
            }
        }

        // The title names the database, cut on narrow screens: the real program's is the copy, in a temporary folder whose
        // name differs only in its random letters.
        string drawnFolder = Path.GetFileName(Path.GetDirectoryName(drawnDb)!), folder = Path.GetFileName(Path.GetDirectoryName(db)!);
        expected = expected.Select(e => (e.Step, e.Screen.Replace(drawnFolder, folder, StringComparison.Ordinal))).ToList();

        // The same keys to the real program in a real terminal.
        var tmux = new TmuxSession(_socket, "w", $"TERM={term} LANG=C.UTF-8", db);
        foreach ((string step, string screen) in expected)
        {
            switch (step)
            {
                case "start": break;
                case var resize when resize.StartsWith("resize ", StringComparison.Ordinal):
                    int[] size = resize["resize ".Length..].Split('x').Select(int.Parse).ToArray();
                    tmux.Resize(size[0], size[1]);
                    break;
                default: tmux.Keys(step); break;
            }
            tmux.WaitForScreen(step, screen);
        }
        tmux.Keys("C-q");
    }

    [Fact]
    public void Ctrl_L_sends_the_whole_screen_again()
    {
        using var h = new ScreenHarness("pt", Seed);
        h.Keys(Key.CursorDown); // the last frame sent is now a small change
        string screen = h.Text();
        var output = (FrugalOutput)h.App.Driver!.GetOutput();
        h.Keys(Key.L.WithCtrl);
        var fresh = new VirtualTerminal(24, 80).Garbled(); // a terminal that shows nothing of ours any more
        fresh.Feed(output.GetLastOutput());
        string[] rows = Enumerable.Range(0, 24).Select(r => string.Concat(Enumerable.Range(0, 80).Select(c => fresh.Text[r, c]))).ToArray();
        Assert.Equal(screen.TrimEnd('\n').Split('\n'), rows);
    }

    [Fact]
    public void Ctrl_L_clears_what_another_program_wrote_over_the_screen()
    {
        string db = _tmp.File("mymss.db");
        using (var h = new ScreenHarness("pt", Seed))
            File.Copy(h.DatabasePath, db);
        var tmux = new TmuxSession(_socket, "l", "TERM=xterm-256color LANG=C.UTF-8", db);
        tmux.WaitFor("Ctrl+Q");
        string clean = tmux.Screen();
        string tty = TmuxSession.Run(_socket, "display-message", "-p", "-t", "l", "#{pane_tty}").Trim();
        File.AppendAllText(tty, "\u001b[12;10HBroadcast message from root: the system is going down"); // as wall(1) does
        tmux.WaitFor("Broadcast message");
        tmux.Keys("C-l");
        tmux.WaitForScreen("C-l", clean);
        tmux.Keys("C-q");
    }
}
