namespace MyMss.Core.Domain;

/// <summary>
/// What a front end collects for a profile, as typed. Numbers stay text so that
/// "abc" in a numeric field is a validation message from the rules, never an exception.
/// </summary>
public sealed record ProfileInput
{
    public string Code { get; init; } = "";
    public string Description { get; init; } = "";
    public string Host { get; init; } = "";
    public string Port { get; init; } = "";
    public string TimeoutSeconds { get; init; } = ProfileDefaults.TimeoutSeconds.ToString();
    public string Retries { get; init; } = ProfileDefaults.Retries.ToString();
    public string Compression { get; init; } = ProfileDefaults.Compression.ToString();
    public bool Encryption { get; init; }
    public InternetAccess InternetAccess { get; init; } = InternetAccess.None;
    public string ExternalHost { get; init; } = "";
    public string ExternalPort { get; init; } = "";
    public bool FilterEnabled { get; init; }
    public IReadOnlyList<TableTransfer> Tables { get; init; } = [];
    /// <summary>Empty on edit keeps the stored password.</summary>
    public string Password { get; init; } = "";
    /// <summary>Null when the front end asks for no confirmation (password read from stdin).</summary>
    public string? PasswordConfirmation { get; init; }
    /// <summary>The version the edit started from: a save over a newer version (changed in another session) is refused. Null: no check.</summary>
    public int? ExpectedVersion { get; init; }

    public static ProfileInput From(SyncProfile p) => new()
    {
        Code = p.Code.ToString(),
        Description = p.Description,
        Host = p.Host,
        Port = p.Port.ToString(),
        TimeoutSeconds = p.TimeoutSeconds.ToString(),
        Retries = p.Retries.ToString(),
        Compression = p.Compression.ToString(),
        Encryption = p.Encryption,
        InternetAccess = p.InternetAccess,
        ExternalHost = p.ExternalHost ?? "",
        ExternalPort = p.ExternalPort?.ToString() ?? "",
        FilterEnabled = p.TransferFilter.Enabled,
        Tables = p.TransferFilter.Tables,
        ExpectedVersion = p.Version,
    };
}

public static class ProfileDefaults
{
    public const int TimeoutSeconds = 10;
    public const int Retries = 3;
    public const int Compression = 4;
}

/// <summary>Settings as typed: frequency as text, profile codes as chosen, and the version the edit started from (null: no check).</summary>
public sealed record SettingsInput(string FrequencyHours, int? DefaultProfile, int? AlternativeProfile, int? ExpectedVersion = null);

public static class ProfileInputComparison
{
    /// <summary>True when two inputs hold the same values (tables compared row by row), e.g. to know whether an editor has changes.</summary>
    public static bool SameAs(this ProfileInput a, ProfileInput b) =>
        a with { Tables = Array.Empty<TableTransfer>() } == b with { Tables = Array.Empty<TableTransfer>() } && a.Tables.SequenceEqual(b.Tables);
}
