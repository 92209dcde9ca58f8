using System.Diagnostics;
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

    private static void Seed(SyncConfiguration s)
    {
        foreach ((int code, string description) in new[] { (1, "Rede interna"), (2, "Exterior (rede móvel)"), (3, "Loja do Porto") })
            Assert.True(s.CreateProfile(s.NewProfileInput([]) with
            {
                Code = code.ToString(), Description = description, Host = "127.0.0.1", Port = (9000 + code).ToString(),
                Password = "Wire-secret-7", PasswordConfirmation = "Wire-secret-7",
            }).IsOk);
    }

    [Theory]
    [InlineData("xterm-256color", false, false)]
    [InlineData("linux", false, true)]
    [InlineData("vt100", true, true)]
    public void The_real_terminal_shows_what_Terminal_Gui_drew(string term, bool monochrome, bool ascii)
    {
        // What Terminal.Gui means to draw, step by step, on the headless driver.
        var expected = new List<(string Step, string Screen)>();
        string db = _tmp.File("mymss.db");
        using (var h = new ScreenHarness("pt", Seed, monochrome, ascii))
        {
            Assert.IsType<FrugalOutput>(h.App.Driver!.GetOutput()); // the composition the program uses
            File.Copy(h.DatabasePath, db);
            expected.Add(("start", h.Text()));
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
            h.App.Driver!.SetScreenSize(70, 20);
            expected.Add(("resize 70x20", h.Text()));
        }

        // The same keys to the real program in a real terminal.
        var tmux = new TmuxSession(_socket, "w", $"TERM={term} LANG=C.UTF-8", db);
        foreach ((string step, string screen) in expected)
        {
            switch (step)
            {
                case "start": break;
                case "resize 100x30": tmux.Resize(100, 30); break;
                case "resize 70x20": tmux.Resize(70, 20); break;
                default: tmux.Keys(step); break;
            }
            tmux.WaitForScreen(step, screen);
        }
        tmux.Keys("C-q");
    }
}

/// <summary>The real program in a private tmux server.</summary>
public sealed class TmuxSession
{
    private readonly string _socket, _session;

    public TmuxSession(string socket, string session, string environment, string db, int cols = 80, int rows = 24)
    {
        _socket = socket;
        _session = session;
        Run(_socket, "new-session", "-d", "-s", session, "-x", cols.ToString(), "-y", rows.ToString(),
            $"{environment} dotnet '{CliProcess.AppDll}' --db '{db}'; sleep 30");
    }

    public static string Run(string socket, params string[] args)
    {
        var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-L");
        psi.ArgumentList.Add(socket);
        foreach (string a in args)
            psi.ArgumentList.Add(a);
        psi.Environment["TERM"] = "xterm-256color";
        psi.Environment.Remove("DisableRealDriverIO"); // set for the headless tests; the program in tmux must draw for real
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }

    public string Screen() => Run(_socket, "capture-pane", "-p", "-t", _session);

    public void Keys(string key)
    {
        Run(_socket, "send-keys", "-t", _session, key);
        Thread.Sleep(250);
    }

    public void Resize(int cols, int rows) => Run(_socket, "resize-window", "-t", _session, "-x", cols.ToString(), "-y", rows.ToString());

    private static string[] Rows(string screen) => screen.Replace("\r", "").TrimEnd('\n').Split('\n').Select(r => r.TrimEnd()).ToArray();

    /// <summary>Waits until the terminal shows exactly <paramref name="expected"/>, row by row (trailing blanks aside).</summary>
    public void WaitForScreen(string step, string expected)
    {
        string[] want = Rows(expected);
        string[] got = [];
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            got = Rows(Screen());
            if (got.SequenceEqual(want))
                return;
            Thread.Sleep(150);
        }
        var diff = Enumerable.Range(0, Math.Max(want.Length, got.Length))
            .Where(i => i >= want.Length || i >= got.Length || want[i] != got[i])
            .Select(i => $"row {i}:\n  drawn: {(i < want.Length ? want[i] : "(none)")}\n  shown: {(i < got.Length ? got[i] : "(none)")}");
        Assert.Fail($"after {step}, the terminal does not show what Terminal.Gui drew:\n{string.Join('\n', diff)}");
    }
}
