using System.Net;
using System.Net.Sockets;

namespace MyMss.Tui.Tests;

/// <summary>The real program in tmux: asleep while nobody types, awake at once for a key, a resize or its own work.</summary>
public sealed class IdleTests : IDisposable
{
    private readonly TempFolder _tmp = new();
    private readonly string _socket = "mymss-idle-" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose()
    {
        TmuxSession.Run(_socket, "kill-server");
        _tmp.Dispose();
    }

    /// <summary>The program's process: the child of the shell tmux started in the pane.</summary>
    private int ProgramPid()
    {
        int shell = int.Parse(TmuxSession.Run(_socket, "display-message", "-p", "-t", "idle", "#{pane_pid}").Trim());
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
                continue;
            try
            {
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                string[] afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(afterName[1]) == shell && stat.Contains("(dotnet)", StringComparison.Ordinal))
                    return pid;
            }
            catch (IOException)
            {
                // a process that just ended
            }
        }
        throw new InvalidOperationException("the program's process was not found under the pane's shell " + shell);
    }

    /// <summary>How many times the main thread has gone to sleep (its voluntary context switches): a count, not a time.</summary>
    private static long MainThreadSleeps(int pid) =>
        long.Parse(File.ReadAllLines($"/proc/{pid}/task/{pid}/status").Single(l => l.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal)).Split(':')[1].Trim());

    [Fact]
    public void Idle_the_main_loop_sleeps_and_a_key_a_resize_and_a_background_result_still_wake_it()
    {
        var session = new TmuxSession(_socket, "idle", "", _tmp.File("mymss.db"));
        session.WaitFor("Prima F2");
        int pid = ProgramPid();
        Thread.Sleep(2000); // the start's own work (terminal queries, first frames) is over
        long before = MainThreadSleeps(pid);
        Thread.Sleep(3000);
        long slept = MainThreadSleeps(pid) - before;
        // Terminal.Gui's own loop goes to sleep 25 times a second (75 here); asleep, it wakes for its safety net only.
        Assert.True(slept < 15, $"the main thread woke {slept} times in 3 idle seconds");

        session.Keys("F2");
        session.WaitFor("Novo perfil");
        session.Resize(100, 30);
        // redrawn at 100 columns while nothing was typed: the editor's top row runs to the new right edge
        string top = session.WaitFor("├" + new string('─', 68) + "╮").Split('\n')[0];
        Assert.True(top.StartsWith("╭┤Novo perfil", StringComparison.Ordinal) && top.Length == 100, top);

        // The connection test reports from another thread (Invoke): its result must show without a key.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        session.Keys("M-1", "127.0.0.1", "Tab", port.ToString(), "F5");
        session.WaitFor("ligação estabelecida");
    }
}

/// <summary>The Linux text console's F1-F5, sent as that console sends them, to the real program.</summary>
public sealed class LinuxConsoleKeyTests : IDisposable
{
    private readonly TempFolder _tmp = new();
    private readonly string _socket = "mymss-linux-" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose()
    {
        TmuxSession.Run(_socket, "kill-server");
        _tmp.Dispose();
    }

    private void Raw(params string[] hex) => TmuxSession.Run(_socket, ["send-keys", "-t", "console", "-H", .. hex]);

    [Fact]
    public void F1_F2_and_F5_of_the_Linux_console_do_what_the_bottom_line_says()
    {
        var session = new TmuxSession(_socket, "console", "TERM=linux", _tmp.File("mymss.db"));
        session.WaitFor("Prima F2");
        Raw("1b", "5b", "5b", "41"); // F1
        session.WaitFor("Ajuda");
        session.Keys("Escape");
        Raw("1b", "5b", "5b", "42"); // F2
        session.WaitFor("Novo perfil");
        Raw("1b", "5b", "5b", "45"); // F5: Testar ligação, refused until the server is filled in
        session.WaitFor("Corrija");
    }

    [Theory]
    [InlineData("\u001b[[A", "\u001bOP")]
    [InlineData("x\u001b[[Ey", "x\u001b[15~y")]
    [InlineData("\u001b[A", "\u001b[A")]
    [InlineData("[[A", "[[A")]
    public void The_console_sequences_become_xterm_ones_and_nothing_else_changes(string input, string expected) =>
        Assert.Equal(expected, MyMss.Tui.Output.LinuxConsoleKeys.Translate(input));
}
