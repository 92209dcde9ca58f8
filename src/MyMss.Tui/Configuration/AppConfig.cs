using MyMss.Core.Domain;

namespace MyMss.Tui.Configuration;

/// <summary>The validated configuration of one run.</summary>
public sealed record AppConfig(string DatabasePath, int MssPort, int DefaultFrequencyHours, IReadOnlyList<string> Tables, string Language, string ConfigFile = "")
{
    public SyncOptions SyncOptions => new(MssPort, DefaultFrequencyHours, Tables);
}

/// <summary>Configuration that cannot be used: one line naming the file or key and the problem.</summary>
public sealed class ConfigException(string message) : Exception(message);
