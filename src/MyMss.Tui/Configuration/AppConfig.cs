using MyMss.Core.Domain;

namespace MyMss.Tui.Configuration;

/// <summary>The validated configuration of one run.</summary>
/// <param name="DatabaseGroup">Windows: the SID of the local group that shares the database's files (Database:Group); null: owner-only.</param>
public sealed record AppConfig(string DatabasePath, int MssPort, int DefaultFrequencyHours, IReadOnlyList<string> Tables, string Language, string ConfigFile = "",
    string? DatabaseGroup = null)
{
    public SyncOptions SyncOptions => new(MssPort, DefaultFrequencyHours, Tables);
}

/// <summary>Configuration that cannot be used: one line naming the file or key and the problem.</summary>
public sealed class ConfigException(string message) : Exception(message);
