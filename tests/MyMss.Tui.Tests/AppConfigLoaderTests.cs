using MyMss.Tui.Configuration;

namespace MyMss.Tui.Tests;

/// <summary>Configuration read from a real appsettings.json in a folder of the test's own.</summary>
public sealed class AppConfigLoaderTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private AppConfig Load(string json, string? db = null, string? lang = null)
    {
        File.WriteAllText(_tmp.File("appsettings.json"), json);
        return AppConfigLoader.Load(db, lang, _tmp.Path);
    }

    [Fact]
    public void The_shipped_file_gives_the_documented_defaults()
    {
        AppConfig c = AppConfigLoader.Load(null, null);
        Assert.Equal("data/mymss.db", c.DatabasePath);
        Assert.Equal(24, c.DefaultFrequencyHours);
        Assert.Equal("pt", c.Language);
        Assert.Equal(10, c.Tables.Count);
        Assert.Equal("Preços", c.Tables[2]);
    }

    [Fact]
    public void Command_line_options_override_the_file()
    {
        AppConfig c = Load("""{"Mss":{"Port":7000},"Ui":{"Language":"pt"},"Database":{"Path":"a.db"}}""", db: "b.db", lang: "en");
        Assert.Equal(("b.db", "en", 7000), (c.DatabasePath, c.Language, c.MssPort));
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
