namespace MyMss.Core.Domain;

/// <summary>How a terminal reaches the server when it is outside the company LAN.</summary>
public enum InternetAccess
{
    None,
    MobileData,
    Vpn,
    PublicInternet,
}

/// <summary>One row of the transfer filter: Send = terminal→server, Receive = server→terminal.</summary>
public sealed record TableTransfer(string Name, bool Send, bool Receive);

public sealed record TransferFilter(bool Enabled, IReadOnlyList<TableTransfer> Tables)
{
    public static TransferFilter AllOff(IEnumerable<string> catalogue) =>
        new(false, catalogue.Select(t => new TableTransfer(t, false, false)).ToList());
}

/// <summary>A salted slow hash; algorithm and cost are stored so they can be raised later.</summary>
public sealed record PasswordHash(string Algorithm, int Iterations, byte[] Salt, byte[] Hash)
{
    /// <summary>Stands for "not hashed yet" in a profile that the rules validated; the service replaces it before anything is stored.</summary>
    public static readonly PasswordHash None = new("", 0, [], []);
}

/// <summary>A sync profile as stored. It never holds a clear password.</summary>
/// <summary>What lists of profiles show: enough to pick one, without reading everything it holds.</summary>
public sealed record ProfileSummary(int Code, string Description);

public sealed record SyncProfile(
    int Code,
    string Description,
    string Host,
    int Port,
    int TimeoutSeconds,
    int Retries,
    int Compression,
    bool Encryption,
    InternetAccess InternetAccess,
    string? ExternalHost,
    int? ExternalPort,
    TransferFilter TransferFilter,
    PasswordHash Password,
    int Version = 0);

/// <summary>The single settings record of a database.</summary>
public sealed record SyncSettings(int FrequencyHours, int? DefaultProfile, int? AlternativeProfile, int Version = 0);
