using System.Diagnostics;

namespace MyMss.Tui.Tests;

/// <summary>The real program in a private tmux server.</summary>
public sealed class TmuxSession
{
    private readonly string _socket, _session;

    /// <param name="environment">Assignments put before the program, e.g. "TERM=vt100 NO_COLOR=1".</param>
    /// <param name="options">More options for the program; its exit code shows as "EXIT n" once it ends.</param>
    public TmuxSession(string socket, string session, string environment, string db, params string[] options)
        : this(socket, session, $"{environment} dotnet '{CliProcess.AppDll}' --db '{db}' {string.Join(' ', options)}; echo EXIT $?; sleep 30")
    {
    }

    /// <summary>A session running <paramref name="shellCommand"/> as it is (e.g. the program in a pipeline, or followed by `stty -a`).</summary>
    public TmuxSession(string socket, string session, string shellCommand)
    {
        _socket = socket;
        _session = session;
        Run(_socket, "new-session", "-d", "-s", session, "-x", "80", "-y", "24", shellCommand);
    }

    /// <summary>README's test command needs nothing else: tmux is installed (Debian's apt) the first time a test needs it.</summary>
    private static readonly Lazy<string?> Missing = new(() =>
    {
        if (Exec("sh", "-c", "command -v tmux").ExitCode == 0)
            return null;
        var install = Exec("sh", "-c", "(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux) 2>&1");
        return install.ExitCode == 0 ? null : "tmux is missing and could not be installed with apt-get:\n" + install.Output;
    });

    private static (int ExitCode, string Output) Exec(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }

    public static string Run(string socket, params string[] args)
    {
        if (Missing.Value is string why)
            Assert.Fail(why);
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

    /// <summary>One key or string at a time, with a pause: an Alt key is ESC + letter and must not merge with the next bytes.</summary>
    public void Keys(params string[] keys)
    {
        foreach (string key in keys)
        {
            Run(_socket, "send-keys", "-t", _session, key);
            Thread.Sleep(250);
        }
    }

    public void Resize(int cols, int rows) => Run(_socket, "resize-window", "-t", _session, "-x", cols.ToString(), "-y", rows.ToString());

    /// <summary>The rows without trailing blanks, and without the blank rows at the bottom (tmux leaves those out).</summary>
    private static string[] Rows(string screen) =>
        [.. screen.Replace("\r", "").Split('\n').Select(r => r.TrimEnd()).Reverse().SkipWhile(r => r.Length == 0).Reverse()];

    public string WaitFor(params string[] texts) => WaitFor(Screen, texts);

    /// <summary>Waits until the screen shows every text (the program starts, redraws and answers at its own pace; a capture can catch a frame half drawn).</summary>
    public static string WaitFor(Func<string> capture, params string[] texts)
    {
        var clock = Stopwatch.StartNew();
        string screen = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            screen = capture();
            if (texts.All(t => screen.Contains(t, StringComparison.Ordinal)))
                return screen;
            Thread.Sleep(100);
        }
        Assert.Fail($"'{string.Join("', '", texts.Where(t => !screen.Contains(t, StringComparison.Ordinal)))}' never appeared; the screen was:\n{screen}");
        return screen;
    }

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
