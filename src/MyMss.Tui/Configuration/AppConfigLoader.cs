using Microsoft.Extensions.Configuration;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Storage;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Configuration;

/// <summary>
/// One configuration file (<see cref="ConfigLookup"/>: --config, MYMSS_CONFIG, /etc/mymss or %ProgramData%\mymss, beside
/// the executable), then
/// MYMSS_ environment variables (MYMSS_Database__Path), then the command-line options --db and --lang. Every key is
/// checked here, once, at start-up. A relative Database:Path is taken from the folder of the file that set it (from the
/// current folder only when --db or the environment gave it), so the database never depends on where mymss is started.
/// On Windows, %VARIABLES% in Database:Path are expanded (the package's file says %ProgramData%\mymss\mymss.db).
/// </summary>
public static class AppConfigLoader
{
    public const string FileName = "appsettings.json";
    public const string EnvironmentPrefix = "MYMSS_";
    /// <summary>Beside the configuration file in use when no layer names a database.</summary>
    public const string DefaultDatabasePath = "data/mymss.db";
    public const int MaxTables = 50;

    public static AppConfig Load(string? dbOption, string? langOption, string? configOption = null) =>
        Load(dbOption, langOption, ConfigLookup.Default(configOption));

    public static AppConfig Load(string? dbOption, string? langOption, ConfigLookup lookup)
    {
        var (file, source) = lookup.Choose(new Strings(LanguageHint(langOption)));
        IConfigurationRoot root;
        var overrides = new Dictionary<string, string?>();
        if (dbOption is not null)
            overrides["Database:Path"] = dbOption;
        if (langOption is not null)
            overrides["Ui:Language"] = langOption;
        try
        {
            root = new ConfigurationBuilder()
                .AddJsonFile(file, optional: source == ConfigSource.BesideExecutable, reloadOnChange: false)
                .AddEnvironmentVariables(EnvironmentPrefix)
                .AddInMemoryCollection(overrides)
                .Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            var pt = new Strings(LanguageHint(langOption));
            throw new ConfigException(pt.Format(TextKey.Config_Malformed, file, Innermost(e).Message));
        }

        string language = (root["Ui:Language"] ?? "pt").Trim().ToLowerInvariant();
        var strings = new Strings(Strings.Languages.Contains(language) ? language : LanguageHint(langOption));
        string Source(string key) => root.GetSection(key).Value is null ? file : Origin(root, key, file, strings);
        ConfigException Bad(string key, string? value, string problem) =>
            new(strings.Format(TextKey.Config_BadValue, Source(key), key, value ?? "", problem));

        if (!Strings.Languages.Contains(language))
            throw Bad("Ui:Language", root["Ui:Language"], strings[TextKey.Config_Language]);

        string dbPath = root["Database:Path"] ?? DefaultDatabasePath;
        if (string.IsNullOrWhiteSpace(dbPath) || dbPath.Any(char.IsControl))
            throw Bad("Database:Path", dbPath, strings.Message(MessageKeys.Required));
        if (OperatingSystem.IsWindows())
            dbPath = Environment.ExpandEnvironmentVariables(dbPath); // %ProgramData%\mymss\mymss.db
        dbPath = Path.GetFullPath(dbPath, FolderOf(root, "Database:Path", file));
        string? group = Group(root["Database:Group"], strings, Bad);

        int mssPort = Integer(root, "Mss:Port", null, ProfileRules.MinPort, ProfileRules.MaxPort, strings, Bad);
        int frequency = Integer(root, "Sync:DefaultFrequencyHours", 24, SettingsRules.MinFrequency, SettingsRules.MaxFrequency, strings, Bad);
        IReadOnlyList<string> tables = Tables(root, strings, Bad);
        return new AppConfig(dbPath, mssPort, frequency, tables, language, file, group);
    }

    /// <summary>
    /// Database:Group, Windows only: the local group whose members share the database's files (its name or SID), as a
    /// SID. On Linux a set-group-ID folder does this (FilePermissions); the key there would do nothing, so it is refused.
    /// </summary>
    private static string? Group(string? value, Strings strings, Func<string, string?, string, ConfigException> bad)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (!OperatingSystem.IsWindows())
            throw bad("Database:Group", value, strings[TextKey.Config_GroupWindowsOnly]);
        try
        {
            return WindowsAccess.Resolve(value.Trim());
        }
        catch (ArgumentException)
        {
            throw bad("Database:Group", value, strings[TextKey.Config_GroupUnknown]);
        }
    }

    /// <summary>
    /// The folder a relative path is taken from: the configuration file's when the file set it (or nothing did), the
    /// current folder when the command line or the environment did, as for any path typed there.
    /// </summary>
    private static string FolderOf(IConfigurationRoot root, string key, string file)
    {
        IConfigurationProvider? setter = root.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out _));
        return setter is null or Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider
            ? Path.GetDirectoryName(Path.GetFullPath(file))!
            : Directory.GetCurrentDirectory();
    }

    private static int Integer(IConfiguration root, string key, int? fallback, int min, int max, Strings strings,
        Func<string, string?, string, ConfigException> bad)
    {
        string? text = root[key];
        if (text is null && fallback is int f)
            return f;
        var errors = new List<FieldError>();
        int? value = FieldRules.Integer(text, key, min, max, errors);
        if (value is null)
            throw bad(key, text, strings.Message(errors[0]));
        return value.Value;
    }

    private static IReadOnlyList<string> Tables(IConfiguration root, Strings strings, Func<string, string?, string, ConfigException> bad)
    {
        IConfigurationSection section = root.GetSection("Sync:Tables");
        if (!section.Exists())
            return SyncOptions.DefaultTables;
        if (section.Value is not null)
            throw bad("Sync:Tables", section.Value, strings[TextKey.Config_Tables]);
        var names = section.GetChildren()
            .OrderBy(c => int.TryParse(c.Key, out int i) ? i : int.MaxValue)
            .Select(c => c.Value?.Trim() ?? "")
            .ToList();
        bool ok = names.Count is > 0 and <= MaxTables
            && names.All(n => n.Length is > 0 and <= 40 && !n.Any(ch => ch is ':' or ',' || char.IsControl(ch)))
            && names.Distinct(StringComparer.OrdinalIgnoreCase).Count() == names.Count;
        if (!ok)
            throw bad("Sync:Tables", string.Join(",", names), strings[TextKey.Config_Tables]);
        return names;
    }

    /// <summary>Which layer gave a key its value: the file, the environment or the command line.</summary>
    private static string Origin(IConfigurationRoot root, string key, string file, Strings strings)
    {
        foreach (IConfigurationProvider provider in root.Providers.Reverse())
        {
            if (provider.TryGet(key, out _) || provider.GetChildKeys([], key).Any())
                return provider switch
                {
                    Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider =>
                        strings[TextKey.Config_Environment] + " (" + EnvironmentPrefix + key.Replace(":", "__") + ")",
                    Microsoft.Extensions.Configuration.Memory.MemoryConfigurationProvider => "--" + (key == "Ui:Language" ? "lang" : "db"),
                    _ => file,
                };
        }
        return file;
    }

    private static string LanguageHint(string? lang) => lang is "en" ? "en" : "pt";

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
            e = e.InnerException;
        return e;
    }
}
