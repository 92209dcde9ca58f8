using MyMss.Testing;

namespace MyMss.Tui.Tests;

/// <summary>
/// Which configuration file is read, which database it names wherever mymss is started, and that reading a database
/// that is not there says so and creates nothing.
/// </summary>
[Collection(ScreenCollection.Name)]
public sealed class WhereThingsLiveTests : IDisposable
{
    private const string Secret = "Where-secret-3";
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Write(string name, string text)
    {
        string path = _tmp.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public static TheoryData<string[], int, string> ReadingCommands => new()
    {
        { ["profiles", "list"], 0, "" },
        { ["profiles", "list", "--json"], 0, "[]" },
        { ["settings", "show"], 0, "" },
        { ["profiles", "show", "1"], 3, "" },
        { ["profiles", "test", "1"], 3, "" },
        { ["audit"], 0, "" },
        { ["audit", "--json"], 0, "[]" },
        { ["export", "EXPORT"], 3, "" },
    };

    [Theory]
    [MemberData(nameof(ReadingCommands))]
    public void A_reading_command_on_a_missing_database_says_so_in_one_line_naming_it_and_creates_nothing(string[] args, int exit, string output)
    {
        string db = _tmp.File("data/mymss.db");
        args = args.Select(a => a == "EXPORT" ? _tmp.File("export.json") : a).ToArray();
        CliResult r = CliRunner.Run(db, null, args);
        Assert.Equal(exit, r.ExitCode);
        Assert.Equal(output, r.Out.Trim());
        Assert.Equal($"mymss: {db}: ainda não há base de dados; nada foi criado (a primeira alteração cria-a)", r.Err.Trim());
        Assert.Empty(Directory.GetFileSystemEntries(_tmp.Path));
    }

    [Fact]
    public void Check_on_a_missing_database_says_it_does_not_exist_exits_1_and_creates_nothing()
    {
        string db = _tmp.File("data/mymss.db");
        CliResult text = CliRunner.Run(db, null, "check");
        Assert.Equal(1, text.ExitCode);
        Assert.Contains($"Base de dados: não existe ({db}); nada foi criado", text.Out);
        CliResult json = CliRunner.Run(db, null, "check", "--json");
        Assert.Equal(1, json.ExitCode);
        Assert.Contains("\"exists\": false", json.Out);
        Assert.Empty(Directory.GetFileSystemEntries(_tmp.Path));
    }

    [Fact]
    public void With_config_the_database_named_relative_to_that_file_is_used_and_made_on_the_first_change()
    {
        string config = Write("etc/site.json", """{"Mss":{"Port":9000},"Database":{"Path":"../lib/mymss.db"},"Ui":{"Language":"en"}}""");
        CliResult add = CliRunner.RunRaw(Secret + "\n", ["--config", config, .. TestProfiles.AddArgs(1)]);
        Assert.True(add.ExitCode == 0, add.All);
        Assert.True(File.Exists(_tmp.File("lib/mymss.db")));
        CliResult check = CliRunner.RunRaw(null, "--config", config, "check");
        Assert.Contains($"OK ({config}; Mss:Port 9000", check.Out); // English, from the file
        Assert.Contains(_tmp.File("lib/mymss.db"), check.Out);
    }

    [Fact]
    public void A_missing_config_file_is_one_line_and_exit_4_and_help_still_works()
    {
        CliResult r = CliRunner.RunRaw(null, "--config", _tmp.File("none.json"), "profiles", "list");
        Assert.Equal(4, r.ExitCode);
        Assert.Equal($"mymss: {_tmp.File("none.json")}: o ficheiro de configuração não existe (dado por --config)", r.Err.Trim());
        Assert.Equal(0, CliRunner.RunRaw(null, "--config", _tmp.File("none.json"), "--help").ExitCode);
    }

    [Fact]
    public void The_screen_names_the_database_it_works_on_in_its_title()
    {
        using var h = new ScreenHarness();
        string title = h.Text().Split('\n')[0];
        Assert.Contains("Sincronização · " + h.DatabasePath, title);
    }

    /// <summary>The real program from two different current folders, configured only by MYMSS_CONFIG: one database.</summary>
    [Fact]
    public void From_any_current_folder_MYMSS_CONFIG_gives_the_same_database()
    {
        string config = Write("etc/appsettings.json", """{"Mss":{"Port":9000},"Database":{"Path":"mymss.db"}}""");
        var env = new Dictionary<string, string> { ["MYMSS_CONFIG"] = config };
        Directory.CreateDirectory(_tmp.File("here"));
        Directory.CreateDirectory(_tmp.File("there"));
        CliResult add = CliProcess.RunIn(_tmp.File("here"), Secret + "\n", env, TestProfiles.AddArgs(1));
        Assert.True(add.ExitCode == 0, add.All);
        CliResult list = CliProcess.RunIn(_tmp.File("there"), null, env, "profiles", "list", "--json");
        Assert.Contains("\"code\": 1", list.Out);
        Assert.True(File.Exists(_tmp.File("etc/mymss.db")));
        Assert.Empty(Directory.GetFileSystemEntries(_tmp.File("here")));
        Assert.Empty(Directory.GetFileSystemEntries(_tmp.File("there")));
    }
}
