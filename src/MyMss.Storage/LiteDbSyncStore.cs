using LiteDB;
using MyMss.Core.Domain;
using MyMss.Core.Ports;

namespace MyMss.Storage;

/// <summary>
/// The sync store on a LiteDB file. Each unit of work takes the cross-process lock, checks the file and its log,
/// opens them in direct mode through <see cref="DatabaseFiles"/>, runs in one transaction and closes them, so every
/// process sees the others' commits. A write is acknowledged once its commit is synced to the log; a unit of work that
/// fails before that changes neither file.
/// </summary>
public sealed class LiteDbSyncStore : ISyncStore
{
    /// <summary>1: settings and profiles. 2: adds the audit trail.</summary>
    public const int SchemaVersion = 2;
    public const string AppName = "mymss";
    internal const string MetaCollection = "meta";
    internal const string SettingsCollection = "settings";
    internal const string ProfilesCollection = "profiles";
    internal const string AuditCollection = "audit";

    private readonly TimeSpan _lockTimeout;
    private readonly IFileOpener _files;

    public LiteDbSyncStore(string path, TimeSpan? lockTimeout = null)
        : this(path, lockTimeout, DiskFiles.Instance)
    {
    }

    /// <summary>A store whose data file and log are opened by <paramref name="files"/> (tests inject faults there).</summary>
    internal LiteDbSyncStore(string path, TimeSpan? lockTimeout, IFileOpener files)
    {
        Path = System.IO.Path.GetFullPath(path);
        _lockTimeout = lockTimeout ?? TimeSpan.FromSeconds(15);
        _files = files;
    }

    public string Path { get; }

    /// <summary>
    /// Whether the database file is there (or a log a crash left, which the next open applies). A file that may be there,
    /// in a folder this account cannot search, counts as there: opening it then says the account may not, instead of
    /// reading an empty configuration. A path that can never hold a database (a path under a file) is refused here, as
    /// reading it would be: <see cref="StoreException"/>.
    /// </summary>
    public bool Exists
    {
        get
        {
            if (!DatabaseFileGuard.IsSurelyMissing(Path) || !DatabaseFileGuard.IsSurelyMissing(WriteAheadLog.PathOf(Path)))
                return true;
            DatabaseFileGuard.InspectFolders(Path);
            return false;
        }
    }

    /// <summary>
    /// Reads under the lock. A database that does not exist yet reads as an empty one, in memory: reading never creates
    /// the file, its folder or its lock (a mistyped path or a command run in the wrong place leaves nothing behind).
    /// </summary>
    public T Read<T>(Func<IStoreSession, T> work) => Exists ? Run(work, commit: false) : ReadEmpty(work);

    public T Write<T>(Func<IStoreSession, T> work) => Run(work, commit: true);

    private T Run<T>(Func<IStoreSession, T> work, bool commit)
    {
        // Refuse a foreign path before anything (not even the lock file) is created beside it.
        DatabaseFileGuard.Inspect(Path);
        DatabaseFileGuard.EnsureFolder(Path);
        using IDisposable _ = ProcessLock.Acquire(Path, _lockTimeout);
        bool existed = DatabaseFileGuard.Prepare(Path, out string? repaired);
        LastBackup = repaired ?? LastBackup;
        DatabaseFiles files = OpenFiles();
        bool durable = false;
        T result = default!;
        try
        {
            using (LiteDatabase db = Open(files))
            {
                EnsureSchema(db, existed);
                db.BeginTrans();
                result = work(new Session(db));
                if (commit)
                    db.Commit();
                else
                    db.Rollback();
                files.SyncLog();
                durable = true;
                // Copy the log into the data file now: LiteDB's own checkpoint when it closes swallows a failure.
                db.Checkpoint();
            }
            return result;
        }
        catch (Exception) when (files.Fault is not null && durable)
        {
            // Only the copy into the data file failed: the commit is in the synced log, and the next open applies it.
            return result;
        }
        catch (Exception) when (files.Fault is not null)
        {
            throw StorageFaults.ToStoreException(files.Fault, Path);
        }
        catch (LiteException e)
        {
            throw new StoreException(StoreMessageKeys.CannotOpen, Path, e);
        }
        finally
        {
            files.RestoreAfterFault();
            files.Dispose();
        }
    }

    private T ReadEmpty<T>(Func<IStoreSession, T> work)
    {
        using var memory = new MemoryStream();
        using var db = new LiteDatabase(memory, DocumentOnlyMapper.Instance);
        EnsureSchema(db, existed: false);
        db.BeginTrans();
        T result = work(new Session(db));
        db.Rollback();
        return result;
    }

    private DatabaseFiles OpenFiles()
    {
        try
        {
            return new DatabaseFiles(Path, WriteAheadLog.PathOf(Path), _files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(StorageFaults.IsDiskFull(e) ? StoreMessageKeys.DiskFull : StoreMessageKeys.CannotOpen, Path, e);
        }
    }

    private LiteDatabase Open(DatabaseFiles files)
    {
        try
        {
            return new LiteDatabase(files.Data, DocumentOnlyMapper.Instance, files.Log);
        }
        catch (Exception e) when (files.Fault is null && e is LiteException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            throw new StoreException(StoreMessageKeys.CannotOpen, Path, e);
        }
    }

    /// <summary>A new file gets the myMSS marker; an existing LiteDB file without it belongs to someone else and is not touched.</summary>
    private void EnsureSchema(LiteDatabase db, bool existed)
    {
        BsonDocument? meta = db.GetCollection(MetaCollection).FindById("schema");
        if (meta is null)
        {
            bool foreign = existed && db.GetCollectionNames().Any(n => n != MetaCollection);
            if (foreign)
                throw new StoreException(StoreMessageKeys.NotMyMssDatabase, Path);
            db.GetCollection(MetaCollection).Upsert(new BsonDocument
            {
                ["_id"] = "schema",
                ["app"] = AppName,
                ["version"] = SchemaVersion,
            });
            return;
        }
        if (meta["app"].AsString != AppName)
            throw new StoreException(StoreMessageKeys.NotMyMssDatabase, Path);
        int version = meta["version"].AsInt32;
        if (version > SchemaVersion)
            throw new StoreException(StoreMessageKeys.NewerSchema, Path);
        if (version < SchemaVersion)
            Migrate(db, meta, version);
    }

    /// <summary>The copy made before the last schema migration or repair of a partial last page, if any.</summary>
    public string? LastBackup { get; private set; }

    /// <summary>Upgrades an older database after copying it, as it was, to a timestamped backup beside it.</summary>
    private void Migrate(LiteDatabase db, BsonDocument meta, int from)
    {
        db.Checkpoint(); // everything committed is in the data file before it is copied
        LastBackup = DatabaseFileGuard.CopyAside(Path, $"{Path}.schema{from}-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}.bak");
        // 1 → 2: the audit collection is new; existing documents need no change.
        meta["version"] = SchemaVersion;
        db.GetCollection(MetaCollection).Update(meta);
    }

    private sealed class Session(LiteDatabase db) : IStoreSession
    {
        private ILiteCollection<BsonDocument> Profiles => db.GetCollection(ProfilesCollection);
        private ILiteCollection<BsonDocument> Settings => db.GetCollection(SettingsCollection);

        public SyncSettings? GetSettings()
        {
            BsonDocument? d = Settings.FindById(1);
            return d is null ? null : DocumentMapping.ToSettings(d);
        }

        public void PutSettings(SyncSettings settings) => Settings.Upsert(DocumentMapping.FromSettings(settings));

        public IReadOnlyList<SyncProfile> GetProfiles() => Profiles.FindAll().Select(DocumentMapping.ToProfile).ToList();

        public IReadOnlyList<ProfileSummary> GetProfileSummaries() =>
            Profiles.Query().Select(DocumentMapping.SummaryFields).ToEnumerable().Select(DocumentMapping.ToSummary).ToList();

        public SyncProfile? GetProfile(int code)
        {
            BsonDocument? d = Profiles.FindById(code);
            return d is null ? null : DocumentMapping.ToProfile(d);
        }

        public void InsertProfile(SyncProfile profile) => Profiles.Insert(DocumentMapping.FromProfile(Hashed(profile)));

        public void UpdateProfile(SyncProfile profile) => Profiles.Update(DocumentMapping.FromProfile(Hashed(profile)));

        private static SyncProfile Hashed(SyncProfile profile) =>
            ReferenceEquals(profile.Password, PasswordHash.None) ? throw new InvalidOperationException($"profile {profile.Code} has no password hash") : profile;

        public bool DeleteProfile(int code) => Profiles.Delete(code);

        private ILiteCollection<BsonDocument> Audit => db.GetCollection(AuditCollection, BsonAutoId.Int64);

        public long AppendAudit(AuditEntry entry) => Audit.Insert(DocumentMapping.FromAudit(entry)).AsInt64;

        public IReadOnlyList<AuditEntry> GetAudit(int limit) =>
            Audit.Find(Query.All("_id", Query.Descending), 0, Math.Max(0, limit)).Select(DocumentMapping.ToAudit).ToList();

        public AuditEntry? GetAuditEntry(long id)
        {
            BsonDocument? d = Audit.FindById(id);
            return d is null ? null : DocumentMapping.ToAudit(d);
        }
    }
}
