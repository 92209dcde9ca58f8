using System.Diagnostics;

namespace MyMss.Tui.Tests;

/// <summary>
/// `mymss` without a command opens the screen, which needs a terminal: `ssh server mymss` without -t, cron and pipes
/// get one line and exit 2 at once instead of a program that waits for ever.
/// </summary>
[Collection(RealTerminalCollection.Name)]
public sealed class NoTerminalTests : IDisposable
{
    private readonly TempFolder _tmp = new();
    private readonly string _socket = "mymss-noterm-" + Guid.NewGuid().ToString("N")[..8];
    private string Db => Path.Combine(_tmp.Path, "data", "mymss.db");

    public void Dispose()
    {
        TmuxSession.Run(_socket, "kill-server");
        _tmp.Dispose();
    }

    /// <summary>
    /// The program with standard input and output as pipes, standard input left open (as ssh without -t leaves it:
    /// nothing comes, nothing ends). Before, it never finished.
    /// </summary>
    private static CliResult RunWithOpenStdin(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(CliProcess.AppDll);
        foreach (string a in args)
            psi.ArgumentList.Add(a);
        using Process p = Process.Start(psi)!;
        Task<string> output = p.StandardOutput.ReadToEndAsync(), error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("without a terminal the program still waited for keys a minute later");
        }
        p.StandardInput.Close();
        return new CliResult(p.ExitCode, output.Result, error.Result);
    }

    [Theory]
    [InlineData("pt", "o ecrã precisa de um terminal (ligue com ssh -t)")]
    [InlineData("en", "the screen needs a terminal (connect with ssh -t)")]
    public void Without_a_terminal_the_screen_exits_2_at_once_with_one_line_naming_the_commands(string lang, string text)
    {
        CliResult r = RunWithOpenStdin("--db", Db, "--lang", lang);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        string line = Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("mymss: " + text, line);
        foreach (string command in new[] { "settings", "profiles", "check", "audit", "export", "import" })
            Assert.Contains(command, line);
        Assert.False(Directory.Exists(Path.GetDirectoryName(Db)), "the database was touched");
    }

    [Fact]
    public void Standard_input_from_dev_null_as_under_cron_is_no_terminal()
    {
        CliResult r = CliProcess.RunRaw(null, null, "--db", Db); // standard input: an empty pipe, at its end at once
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("ssh -t", r.Err);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("directory")]
    public void In_a_terminal_a_hostile_database_path_still_gives_one_line_and_exit_4(string kind)
    {
        string path = _tmp.File("target.db");
        if (kind == "text")
            File.WriteAllText(path, "just some notes\n");
        else
            Directory.CreateDirectory(path);
        var session = new TmuxSession(_socket, "h", "", path);
        string screen = session.WaitFor("EXIT");
        Assert.Contains("EXIT 4", screen);
        Assert.Single(screen.Split('\n'), l => l.StartsWith("mymss: ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", screen);
        if (kind == "text")
            Assert.Equal("just some notes\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("input from a pipe")]
    [InlineData("output to a file")]
    public void Half_a_terminal_is_no_terminal(string how)
    {
        string program = $"dotnet '{CliProcess.AppDll}' --db '{Db}'";
        string command = how == "input from a pipe"
            ? $"true | ({program}; echo EXIT $?)" // sh has no PIPESTATUS: the status is said inside the pipeline
            : $"{program} > '{_tmp.File("out.txt")}'; echo EXIT $?";
        var session = new TmuxSession(_socket, "t", command + "; sleep 30");
        string screen = session.WaitFor("EXIT");
        Assert.Contains("EXIT 2", screen);
        Assert.Contains("mymss: o ecrã precisa de um terminal", screen);
    }
}
