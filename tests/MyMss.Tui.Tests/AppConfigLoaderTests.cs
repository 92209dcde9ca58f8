using MyMss.Tui.Configuration;

namespace MyMss.Tui.Tests;

/// <summary>Configuration read from a real appsettings.json in a folder of the test's own.</summary>
public sealed class AppConfigLoaderTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>Only the file beside the "executable" (the test's folder); no /etc file, no --config, no MYMSS_CONFIG.</summary>
    private ConfigLookup Beside => new(null, null, _tmp.File("etc/appsettings.json"), _tmp.File("appsettings.json"));

    private AppConfig Load(string json, string? db = null, string? lang = null)
    {
        File.WriteAllText(_tmp.File("appsettings.json"), json);
        return AppConfigLoader.Load(db, lang, Beside);
    }

    private string Write(string name, string json)
    {
        string path = _tmp.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_shipped_file_gives_the_documented_defaults()
    {
        var shipped = new ConfigLookup(null, null, _tmp.File("absent.json"), Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        AppConfig c = AppConfigLoader.Load(null, null, shipped);
        // Beside the executable, wherever the program is started from: `dotnet run` on a fresh clone needs no set-up.
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "data", "mymss.db"), c.DatabasePath);
        Assert.Equal(24, c.DefaultFrequencyHours);
        Assert.Equal("pt", c.Language);
        Assert.Equal(10, c.Tables.Count);
        Assert.Equal("Preços", c.Tables[2]);
    }

    [Fact]
    public void Command_line_options_override_the_file()
    {
        AppConfig c = Load("""{"Mss":{"Port":7000},"Ui":{"Language":"pt"},"Database":{"Path":"a.db"}}""", db: "b.db", lang: "en");
        Assert.Equal((Path.GetFullPath("b.db"), "en", 7000), (c.DatabasePath, c.Language, c.MssPort));
    }

    [Fact]
    public void The_first_file_found_is_the_only_one_read_option_then_environment_then_etc_then_beside_the_executable()
    {
        string option = Write("opt/a.json", """{"Mss":{"Port":1001}}""");
        string env = Write("env/b.json", """{"Mss":{"Port":1002}}""");
        string etc = Write("etc/appsettings.json", """{"Mss":{"Port":1003}}""");
        string beside = Write("appsettings.json", """{"Mss":{"Port":1004},"Sync":{"DefaultFrequencyHours":7}}""");
        AppConfig Chosen(string? o, string? e, string s) => AppConfigLoader.Load(null, null, new ConfigLookup(o, e, s, beside));

        Assert.Equal((1001, option), (Chosen(option, env, etc).MssPort, Chosen(option, env, etc).ConfigFile));
        Assert.Equal((1002, env), (Chosen(null, env, etc).MssPort, Chosen(null, env, etc).ConfigFile));
        Assert.Equal((1003, etc), (Chosen(null, null, etc).MssPort, Chosen(null, null, etc).ConfigFile));
        Assert.Equal(24, Chosen(null, null, etc).DefaultFrequencyHours); // the files are not merged
        Assert.Equal((1004, beside), (Chosen(null, "", _tmp.File("none.json")).MssPort, Chosen(null, "", _tmp.File("none.json")).ConfigFile));
    }

    [Theory]
    [InlineData("--config")]
    [InlineData("MYMSS_CONFIG")]
    public void A_named_file_that_does_not_exist_is_one_line_naming_it_and_who_named_it(string origin)
    {
        string missing = _tmp.File("nowhere/appsettings.json");
        var lookup = origin == "--config" ? Beside with { Option = missing } : Beside with { EnvironmentFile = missing };
        Write("appsettings.json", """{"Mss":{"Port":9000}}""");
        var e = Assert.Throws<ConfigException>(() => AppConfigLoader.Load(null, "en", lookup));
        Assert.Equal($"{missing}: the configuration file does not exist (given by {origin})", e.Message);
    }

    [Fact]
    public void A_relative_database_path_is_taken_from_the_folder_of_the_file_that_set_it_not_from_the_current_folder()
    {
        string file = Write("srv/conf/site.json", """{"Mss":{"Port":9000},"Database":{"Path":"../db/mymss.db"}}""");
        AppConfig c = AppConfigLoader.Load(null, null, Beside with { Option = file });
        Assert.Equal(_tmp.File("srv/db/mymss.db"), c.DatabasePath);

        string bare = Write("srv/conf/bare.json", """{"Mss":{"Port":9000}}""");
        Assert.Equal(_tmp.File("srv/conf/data/mymss.db"), AppConfigLoader.Load(null, null, Beside with { Option = bare }).DatabasePath);
    }

    [Fact]
    public void A_relative_path_typed_on_the_command_line_is_taken_from_the_current_folder()
    {
        string file = Write("conf/site.json", """{"Mss":{"Port":9000},"Database":{"Path":"x.db"}}""");
        AppConfig c = AppConfigLoader.Load("here/mine.db", null, Beside with { Option = file });
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "here", "mine.db"), c.DatabasePath);
    }

    [Fact]
    public void A_malformed_file_is_one_line_naming_the_file()
    {
        var e = Assert.Throws<ConfigException>(() => Load("""{"Mss": {"Port": 9000,,}"""));
        Assert.Contains("appsettings.json", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Theory]
    [InlineData("""{"Mss":{"Port":"nove mil"}}""", "Mss:Port")]
    [InlineData("""{"Mss":{"Port":65536}}""", "Mss:Port")]
    [InlineData("""{}""", "Mss:Port")]
    [InlineData("""{"Mss":{"Port":9000},"Sync":{"DefaultFrequencyHours":0}}""", "Sync:DefaultFrequencyHours")]
    [InlineData("""{"Mss":{"Port":9000},"Sync":{"Tables":[]}}""", "Sync:Tables")]
    [InlineData("""{"Mss":{"Port":9000},"Sync":{"Tables":"Artigos"}}""", "Sync:Tables")]
    [InlineData("""{"Mss":{"Port":9000},"Sync":{"Tables":["A","a"]}}""", "Sync:Tables")]
    [InlineData("""{"Mss":{"Port":9000},"Ui":{"Language":"de"}}""", "Ui:Language")]
    [InlineData("""{"Mss":{"Port":9000},"Database":{"Group":"mymss"}}""", "Database:Group")] // Windows only: on Linux the folder decides
    public void An_invalid_value_names_the_file_and_the_key(string json, string key)
    {
        var e = Assert.Throws<ConfigException>(() => Load(json));
        Assert.Contains(key, e.Message);
        Assert.Contains("appsettings.json", e.Message);
    }
}

public sealed class ErrorLogTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Details_go_to_a_log_beside_the_database_readable_by_its_owner_only()
    {
        string db = _tmp.File("mymss.db");
        string log = ErrorLog.Write(new InvalidOperationException("boom"), db);
        Assert.Equal(_tmp.File("mymss-errors.log"), log);
        Assert.Contains("boom", File.ReadAllText(log));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(log));
        ErrorLog.Write(new InvalidOperationException("again"), db);
        Assert.Contains("again", File.ReadAllText(log));
        Assert.Contains("boom", File.ReadAllText(log));
    }
}
