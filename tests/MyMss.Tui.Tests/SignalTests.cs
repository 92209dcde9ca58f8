using System.Diagnostics;

namespace MyMss.Tui.Tests;

/// <summary>
/// The real program in tmux, stopped by a signal or by losing its terminal: the shell gets its terminal back as it was
/// (main screen, cursor shown, no mouse reporting, no bracketed paste, line editing and echo on) and the exit status is
/// 128 + the signal. Before, a SIGTERM left the shell in the alternate screen with the mouse typing escape sequences.
/// </summary>
[Collection(RealTerminalCollection.Name)]
public sealed class SignalTests : IDisposable
{
    private readonly TempFolder _tmp = new();
    private readonly string _socket = "mymss-sig-" + Guid.NewGuid().ToString("N")[..8];
    private string Db => _tmp.File("mymss.db");

    public void Dispose()
    {
        TmuxSession.Run(_socket, "kill-server");
        if (FindProgram(Db) is int left) // a program that outlived its terminal (the failure the last test looks for)
            Process.GetProcessById(left).Kill();
        _tmp.Dispose();
    }

    /// <summary>
    /// The program, then its exit status, then the terminal modes as the next program finds them, then a line read
    /// back from the terminal (a paste shows whether bracketed-paste mode was left on).
    /// </summary>
    private TmuxSession Start() => new(_socket, "s",
        $"dotnet '{CliProcess.AppDll}' --db '{Db}'; echo EXIT $?; " +
        "echo MODES $(stty -a | tr ' ;' '\\n\\n' | grep -x -e '-\\?icanon' -e '-\\?echo' -e '-\\?isig' -e '-\\?icrnl'); " +
        "IFS= read -r line; printf 'READ %s\\n' \"$line\" | cat -v; sleep 30");

    private string Flags() => TmuxSession.Run(_socket, "display-message", "-p", "-t", "s",
        "alternate=#{alternate_on} cursor=#{cursor_flag} mouse=#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}#{mouse_sgr_flag}").Trim();

    /// <summary>The mymss process of this test (the one whose command line names its database).</summary>
    private int ProgramPid()
    {
        if (FindProgram(Db) is int pid)
            return pid;
        Assert.Fail("the program's process was not found");
        return 0;
    }

    /// <summary>The mymss process working on <paramref name="db"/>, if one is running.</summary>
    internal static int? FindProgram(string db)
    {
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
                continue;
            string[] argv;
            try { argv = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0'); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (argv.Length > 2 && Path.GetFileName(argv[0]) == "dotnet" && argv.Contains(CliProcess.AppDll) && argv.Contains(db))
                return pid;
        }
        return null;
    }

    internal static void Send(string signal, int pid)
    {
        using Process kill = Process.Start("kill", ["-s", signal, pid.ToString()])!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    [Theory]
    [InlineData("TERM", 143, false)]
    [InlineData("INT", 130, false)]
    [InlineData("QUIT", 131, false)]
    [InlineData("HUP", 129, false)]
    [InlineData("TERM", 143, true)]
    public void A_signal_gives_the_terminal_back_and_exits_128_plus_its_number(string signal, int exitCode, bool inADialog)
    {
        TmuxSession s = Start();
        s.WaitFor("Prima F2");
        if (inADialog)
        {
            // The editor, and over it the question whether to leave without saving: two screens to stop.
            s.Keys("F2");
            s.WaitFor("Novo perfil de sincronização");
            s.Keys("Rede interna", "Escape");
            s.WaitFor("Sair sem gravar?");
        }
        Assert.Equal("alternate=1 cursor=0 mouse=1001", Flags()); // what the screen had set, and must undo
        Send(signal, ProgramPid());

        string screen = s.WaitFor("EXIT", "MODES");
        Assert.Contains($"EXIT {exitCode}", screen);
        string modes = screen.Replace("\r", "").Split('\n').Single(l => l.StartsWith("MODES ", StringComparison.Ordinal));
        Assert.Equal(["echo", "icanon", "icrnl", "isig"], modes.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Order());
        Assert.Equal("alternate=0 cursor=1 mouse=0000", Flags());
        TmuxSession.Run(_socket, "set-buffer", "pasted");
        TmuxSession.Run(_socket, "paste-buffer", "-p", "-t", "s"); // with bracketed paste still on, it would read ^[[200~pasted^[[201~
        s.Keys("Enter");
        Assert.Contains("READ pasted\n", s.WaitFor("READ").Replace("\r", ""));
    }

    [Fact]
    public void A_dropped_link_ends_the_program_even_when_no_SIGHUP_reaches_it()
    {
        // The shell ignores SIGHUP (as under nohup), so the program inherits that and only sees its terminal vanish.
        string exit = _tmp.File("exit");
        _ = new TmuxSession(_socket, "s", $"trap '' HUP; dotnet '{CliProcess.AppDll}' --db '{Db}'; echo $? > '{exit}'");
        TmuxSession.WaitFor(() => TmuxSession.Run(_socket, "capture-pane", "-p", "-t", "s"), "Prima F2");
        int pid = ProgramPid();
        TmuxSession.Run(_socket, "kill-session", "-t", "s"); // the terminal is closed: reads find it hung up

        TmuxSession.WaitFor(() => File.Exists(exit) ? File.ReadAllText(exit) : "", "\n");
        Assert.Equal("129", File.ReadAllText(exit).Trim());
        Assert.False(Directory.Exists($"/proc/{pid}"), "the program is still running");
    }
}
