using System.CommandLine;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>Options that several commands take.</summary>
public static class CommonOptions
{
    /// <summary>--db, on every command: the database (overrides Database:Path).</summary>
    public static Option<string?> Db(Strings s) => new("--db") { Description = s[TextKey.Cli_OptDb], HelpName = s[TextKey.Cli_MetaPath], Recursive = true };

    /// <summary>--config, on every command: the configuration file (before MYMSS_CONFIG, /etc/mymss and the one beside the executable).</summary>
    public static Option<string?> Config(Strings s) => new("--config") { Description = s[TextKey.Cli_OptConfig], HelpName = s[TextKey.Cli_MetaFile], Recursive = true };

    /// <summary>--lang, on every command: pt or en (overrides Ui:Language).</summary>
    public static Option<string?> Lang(Strings s) => new("--lang") { Description = s[TextKey.Cli_OptLang], HelpName = "pt|en", Recursive = true, CompletionSources = { "pt", "en" } };

    public static Option<bool> Json(Strings s) => new("--json") { Description = s[TextKey.Cli_OptJson] };
}
