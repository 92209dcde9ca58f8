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
public sealed record TableTransfer(string Name, bool Send, bool Receive)
{
    public static TableTransfer Of(string name, Domain.Direction direction) =>
        new(name, direction is Domain.Direction.Send or Domain.Direction.Both, direction is Domain.Direction.Receive or Domain.Direction.Both);

    /// <summary>Which way the table travels, or null when neither box is ticked.</summary>
    public Domain.Direction? Direction => (Send, Receive) switch
    {
        (true, true) => Domain.Direction.Both,
        (true, false) => Domain.Direction.Send,
        (false, true) => Domain.Direction.Receive,
        _ => null,
    };
}

public sealed record TransferFilter(bool Enabled, IReadOnlyList<TableTransfer> Tables)
{
    public static TransferFilter AllOff(IEnumerable<string> catalogue) => new(false, Over(catalogue, []));

    /// <summary>
    /// One row per catalogue table, in catalogue order, each with the ticks <paramref name="given"/> has for it (names
    /// compared without case, written as the catalogue writes them); a given table outside the catalogue is left out.
    /// </summary>
    public static IReadOnlyList<TableTransfer> Over(IEnumerable<string> catalogue, IEnumerable<TableTransfer> given)
    {
        var byName = new Dictionary<string, TableTransfer>(StringComparer.OrdinalIgnoreCase);
        foreach (TableTransfer t in given)
            byName[t.Name] = t;
        return catalogue.Select(name => byName.TryGetValue(name, out TableTransfer? t) ? t with { Name = name } : new TableTransfer(name, false, false)).ToList();
    }
}

/// <summary>Where and how a terminal connects: the part of a profile that a connection test needs.</summary>
public sealed record ConnectionSettings(
    string Host, int Port, int TimeoutSeconds, int Retries, InternetAccess InternetAccess, string? ExternalHost, int? ExternalPort);

/// <summary>A salted slow hash; algorithm and cost are stored so they can be raised later.</summary>
public sealed record PasswordHash(string Algorithm, int Iterations, byte[] Salt, byte[] Hash)
{
    /// <summary>Stands for "not hashed yet" in a profile that the rules validated; the service replaces it before anything is stored.</summary>
    public static readonly PasswordHash None = new("", 0, [], []);
}

/// <summary>What lists of profiles show: enough to pick one, without reading everything it holds.</summary>
public sealed record ProfileSummary(int Code, string Description);

/// <summary>A sync profile as stored. It never holds a clear password.</summary>
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
    int Version = 0)
{
    public ConnectionSettings Connection => new(Host, Port, TimeoutSeconds, Retries, InternetAccess, ExternalHost, ExternalPort);
}

/// <summary>The single settings record of a database.</summary>
public sealed record SyncSettings(int FrequencyHours, int? DefaultProfile, int? AlternativeProfile, int Version = 0);
