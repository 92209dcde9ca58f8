using System.Text.Json;
using MyMss.Testing;

namespace MyMss.Tui.Tests;

/// <summary>
/// What only a real `mymss` process shows: the exit status as a shell sees it, MYMSS_ environment variables
/// (read by the configuration of the whole process), a redirected stdin that is not a terminal, and processes
/// writing at the same time. Everything else is in <see cref="CliTests"/>, in this process.
/// </summary>
public sealed class CliProcessTests : IDisposable
{
    private const string Secret = "Process-secret-31";
    private readonly TempFolder _tmp = new();
    private string Db => _tmp.File("mymss.db");

    public void Dispose() => _tmp.Dispose();

    private CliResult Process(params string[] args) => CliProcess.Run(Db, null, args);

    [Fact]
    public void Every_exit_status_reaches_the_shell()
    {
        CliResult version = CliProcess.RunRaw(null, null, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Out);
        Assert.Equal(2, Process("profiles", "frobnicate").ExitCode);
        Assert.Equal(3, Process("profiles", "show", "1").ExitCode);
        string notes = _tmp.File("notes.txt");
        File.WriteAllText(notes, "not a database\n");
        Assert.Equal(4, CliProcess.Run(notes, null, "profiles", "list").ExitCode);
    }

    [Fact]
    public void Without_a_terminal_or_password_stdin_add_is_refused_on_the_password()
    {
        CliResult r = CliProcess.Run(Db, "", "profiles", "add", "--code", "1", "--description", "D", "--host", "h.pt", "--port", "9001");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--password-stdin", r.Err);
    }

    [Theory]
    [InlineData("MYMSS_Mss__Port", "abc", "Mss:Port")]
    [InlineData("MYMSS_Mss__Port", "0", "Mss:Port")]
    [InlineData("MYMSS_Sync__DefaultFrequencyHours", "1000", "Sync:DefaultFrequencyHours")]
    [InlineData("MYMSS_Ui__Language", "fr", "Ui:Language")]
    public void A_bad_configuration_value_exits_4_with_one_line_naming_the_key(string variable, string value, string key)
    {
        CliResult r = CliProcess.RunRaw(null, new Dictionary<string, string> { [variable] = value }, "--db", Db, "profiles", "list");
        Assert.Equal(4, r.ExitCode);
        Assert.Contains(key, r.Err);
        Assert.Contains(variable, r.Err);
        Assert.Single(r.Err.Trim().Split('\n'));
    }

    [Fact]
    public void With_a_bad_configuration_help_still_works_and_a_command_says_so_in_the_chosen_language()
    {
        var env = new Dictionary<string, string> { ["MYMSS_Mss__Port"] = "abc" };
        CliResult help = CliProcess.RunRaw(null, env, "--db", Db, "--lang", "en", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Configures synchronisation", help.Out);
        CliResult list = CliProcess.RunRaw(null, env, "--db", Db, "--lang", "en", "profiles", "list");
        Assert.Equal(4, list.ExitCode);
        Assert.Equal("mymss: environment variables (MYMSS_Mss__Port): Mss:Port = \"abc\": must be a whole number", list.Err.Trim());
        Assert.Equal("", list.Out);
    }

    [Fact]
    public void Environment_variables_choose_the_database_and_the_MSS_port()
    {
        var env = new Dictionary<string, string> { ["MYMSS_Database__Path"] = Db, ["MYMSS_Mss__Port"] = "9001" };
        CliResult r = CliProcess.RunRaw(Secret + "\n", env, "profiles", "add", "--code", "1", "--description", "D", "--host", "h.pt", "--port", "9001", "--password-stdin");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("(9001)", r.Err);
        Assert.Equal(0, CliProcess.RunRaw(Secret + "\n", env, "profiles", "add", "--code", "1", "--description", "D", "--host", "h.pt", "--port", "9000", "--password-stdin").ExitCode);
        Assert.Equal(0, CliRunner.Run(Db, null, "profiles", "show", "1").ExitCode);
    }

    [Fact]
    public void Concurrent_processes_lose_no_write()
    {
        const int processes = 6;
        var results = Enumerable.Range(1, processes).AsParallel().WithDegreeOfParallelism(processes)
            .Select(i => CliProcess.Run(Db, Secret + "\n", TestProfiles.AddArgs(i))).ToList();
        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
        var codes = JsonDocument.Parse(CliRunner.Run(Db, null, "profiles", "list", "--json").Out).RootElement.EnumerateArray()
            .Select(p => p.GetProperty("code").GetInt32());
        Assert.Equal(Enumerable.Range(1, processes), codes);
    }
}
