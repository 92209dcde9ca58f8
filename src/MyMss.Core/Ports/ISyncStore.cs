using MyMss.Core.Domain;

namespace MyMss.Core.Ports;

/// <summary>
/// The store seen by the rules. Every unit of work runs alone against the database
/// (other processes wait), so a read-check-write sequence cannot interleave with another writer.
/// </summary>
public interface ISyncStore
{
    /// <summary>Where the data is (a full path), as the user should be told.</summary>
    string Path { get; }
    /// <summary>
    /// Whether there is a database yet: reading a missing one reads it empty and creates nothing; the first write creates
    /// it. A path that can never hold one (under a file) throws <see cref="StoreException"/>, as reading it would.
    /// </summary>
    bool Exists { get; }
    T Read<T>(Func<IStoreSession, T> work);
    T Write<T>(Func<IStoreSession, T> work);
}

/// <summary>Operations available inside one unit of work.</summary>
public interface IStoreSession
{
    SyncSettings? GetSettings();
    void PutSettings(SyncSettings settings);
    IReadOnlyList<SyncProfile> GetProfiles();
    /// <summary>Code and description of every profile (the store reads no more than that).</summary>
    IReadOnlyList<ProfileSummary> GetProfileSummaries();
    SyncProfile? GetProfile(int code);
    void InsertProfile(SyncProfile profile);
    void UpdateProfile(SyncProfile profile);
    bool DeleteProfile(int code);
    /// <summary>Stores an entry and returns the id it was given (ascending: the newest has the highest).</summary>
    long AppendAudit(AuditEntry entry);
    /// <summary>The newest entries first.</summary>
    IReadOnlyList<AuditEntry> GetAudit(int limit);
    /// <summary>One entry by its <see cref="AuditEntry.Id"/>, or null.</summary>
    AuditEntry? GetAuditEntry(long id);
}

/// <summary>The store cannot be used (not a myMSS database, unreadable, locked too long...). The message key names why.</summary>
public sealed class StoreException(string messageKey, string path, Exception? inner = null)
    : Exception($"{messageKey}: {path}", inner)
{
    public string MessageKey { get; } = messageKey;
    public string Path { get; } = path;
}

public static class StoreMessageKeys
{
    public const string NotADatabase = "Store_NotADatabase";
    public const string NotMyMssDatabase = "Store_NotMyMssDatabase";
    public const string IsDirectory = "Store_IsDirectory";
    public const string CannotCreate = "Store_CannotCreate";
    public const string CannotOpen = "Store_CannotOpen";
    public const string Busy = "Store_Busy";
    public const string NewerSchema = "Store_NewerSchema";
    /// <summary>The device is full (ENOSPC/EDQUOT): the unit of work changed nothing; it works again once space is freed.</summary>
    public const string DiskFull = "Store_DiskFull";
    /// <summary>Any other failed write or sync: the unit of work changed nothing.</summary>
    public const string WriteFailed = "Store_WriteFailed";
    /// <summary>The write-ahead log beside the database is not one LiteDB wrote (the path is the log's); neither file was touched.</summary>
    public const string DamagedLog = "Store_DamagedLog";
}
