using MyMss.Tui.Resources;

namespace MyMss.Tui.Configuration;

/// <summary>Where the configuration file came from.</summary>
public enum ConfigSource
{
    /// <summary>--config FILE: it must exist.</summary>
    Option,
    /// <summary>MYMSS_CONFIG=FILE: it must exist.</summary>
    Environment,
    /// <summary>The server's file, used when it exists: /etc/mymss/appsettings.json (the package installs it); on Windows %ProgramData%\mymss\appsettings.json.</summary>
    System,
    /// <summary>appsettings.json beside the executable; it may be missing (then only defaults and the environment count).</summary>
    BesideExecutable,
}

/// <summary>
/// The places a configuration file is looked for, first match wins: --config, MYMSS_CONFIG, the server's file
/// (/etc/mymss/appsettings.json; on Windows %ProgramData%\mymss\appsettings.json), then appsettings.json beside the
/// executable. One file is read, never a merge of several: what a technician sees in
/// the file `mymss check` names is what the program uses.
/// </summary>
public sealed record ConfigLookup(string? Option, string? EnvironmentFile, string SystemFile, string BesideExecutable)
{
    public const string EnvironmentVariable = "MYMSS_CONFIG";
    public static readonly string SystemPath = OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "mymss", AppConfigLoader.FileName)
        : "/etc/mymss/" + AppConfigLoader.FileName;

    public static ConfigLookup Default(string? option) => new(
        option,
        Environment.GetEnvironmentVariable(EnvironmentVariable),
        SystemPath,
        Path.Combine(AppContext.BaseDirectory, AppConfigLoader.FileName));

    /// <summary>The file to read, as a full path; a file named by --config or MYMSS_CONFIG that does not exist is an error.</summary>
    public (string File, ConfigSource Source) Choose(Strings strings)
    {
        if (!string.IsNullOrEmpty(Option))
            return (Required(Option, "--config", strings), ConfigSource.Option);
        if (!string.IsNullOrEmpty(EnvironmentFile))
            return (Required(EnvironmentFile, EnvironmentVariable, strings), ConfigSource.Environment);
        if (File.Exists(SystemFile))
            return (SystemFile, ConfigSource.System);
        return (Path.GetFullPath(BesideExecutable), ConfigSource.BesideExecutable);
    }

    private static string Required(string path, string origin, Strings strings)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full) || !File.Exists(full))
            throw new ConfigException(strings.Format(TextKey.Config_NotFound, full, origin));
        return full;
    }
}
