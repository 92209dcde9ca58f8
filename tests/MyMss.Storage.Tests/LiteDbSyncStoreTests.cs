using System.Security.Cryptography;
using System.Text;
using LiteDB;
using MyMss.Core.Domain;
using MyMss.Core.Ports;

namespace MyMss.Storage.Tests;

public sealed class LiteDbSyncStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static SyncProfile Sample(int code = 7) => new(
        code, "Exterior (rede móvel) 😀", "sync.example.pt", 9443, 42, 7, 9, true, InternetAccess.MobileData,
        "ext.example.pt", 19443,
        new TransferFilter(true, [new TableTransfer("Artigos", true, false), new TableTransfer("Preços", false, true)]),
        new PasswordHash("PBKDF2-HMAC-SHA256", 600_000, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [9, 8, 7]),
        Version: 3);

    [Fact]
    public void Every_field_of_a_profile_and_the_settings_survive_a_round_trip_through_the_file()
    {
        var store = new LiteDbSyncStore(_db.Path);
        SyncProfile written = Sample();
        store.Write(s => { s.InsertProfile(written); s.PutSettings(new SyncSettings(48, 7, null, 2)); return 0; });

        // A new store instance reads from the file, not from memory.
        var (read, settings) = new LiteDbSyncStore(_db.Path).Read(s => (s.GetProfile(7)!, s.GetSettings()!));
        Assert.Equal(written with { TransferFilter = null!, Password = null! }, read with { TransferFilter = null!, Password = null! });
        Assert.Equal(written.TransferFilter.Enabled, read.TransferFilter.Enabled);
        Assert.Equal(written.TransferFilter.Tables, read.TransferFilter.Tables);
        Assert.Equal(written.Password.Algorithm, read.Password.Algorithm);
        Assert.Equal(written.Password.Iterations, read.Password.Iterations);
        Assert.Equal(written.Password.Salt, read.Password.Salt);
        Assert.Equal(written.Password.Hash, read.Password.Hash);
        Assert.Equal(new SyncSettings(48, 7, null, 2), settings);
    }

    [Fact]
    public void Reading_a_database_that_does_not_exist_reads_it_empty_and_creates_nothing()
    {
        var store = new LiteDbSyncStore(_db.Path);
        Assert.False(store.Exists);
        var (profiles, settings, audit) = store.Read(s => (s.GetProfiles(), s.GetSettings(), s.GetAudit(10)));
        Assert.Empty(profiles);
        Assert.Null(settings);
        Assert.Empty(audit);
        // A dry run writes inside a read: it sees its own changes, and they go nowhere.
        Assert.Single(store.Read(s => { s.InsertProfile(Sample(1)); return s.GetProfiles(); }));
        Assert.Empty(Directory.GetFileSystemEntries(_db.Folder)); // not the file, its folder (data/) nor its lock

        store.Write(s => { s.InsertProfile(Sample(1)); return 0; });
        Assert.True(store.Exists);
        Assert.Single(store.Read(s => s.GetProfiles()));
    }

    [Fact]
    public void Reading_a_path_one_of_whose_folders_is_a_file_is_refused_as_a_database_that_cannot_be_created()
    {
        File.WriteAllText(System.IO.Path.GetDirectoryName(_db.Path)!, "a file where the data folder should be");
        var e = Assert.Throws<StoreException>(() => new LiteDbSyncStore(_db.Path).Read(s => s.GetProfiles()));
        Assert.Equal(StoreMessageKeys.CannotCreate, e.MessageKey);
    }

    [Fact]
    public void Null_external_endpoint_and_update_and_delete_round_trip()
    {
        var store = new LiteDbSyncStore(_db.Path);
        SyncProfile p = Sample(1) with { InternetAccess = InternetAccess.None, ExternalHost = null, ExternalPort = null };
        store.Write(s => { s.InsertProfile(p); s.InsertProfile(Sample(2)); return 0; });
        store.Write(s => { s.UpdateProfile(p with { Description = "changed" }); return s.DeleteProfile(2); });
        var all = store.Read(s => s.GetProfiles());
        SyncProfile only = Assert.Single(all);
        Assert.Equal("changed", only.Description);
        Assert.Null(only.ExternalHost);
        Assert.Null(only.ExternalPort);
    }

    [Fact]
    public void A_failed_unit_of_work_leaves_nothing_behind()
    {
        var store = new LiteDbSyncStore(_db.Path);
        Assert.Throws<InvalidOperationException>(() => store.Write<int>(s =>
        {
            s.InsertProfile(Sample(1));
            throw new InvalidOperationException("boom");
        }));
        Assert.Empty(store.Read(s => s.GetProfiles()));
    }

    [Fact]
    public void The_database_folder_is_created_and_the_file_is_readable_by_its_owner_only()
    {
        new LiteDbSyncStore(_db.Path).Write(s => { s.InsertProfile(Sample()); return 0; });
        Assert.True(File.Exists(_db.Path));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_db.Path));
    }

    [Fact]
    public void The_file_carries_the_mymss_marker_and_schema_version()
    {
        new LiteDbSyncStore(_db.Path).Write(s => s.GetSettings()); // the first write creates the file (a read would not)
        using var raw = new LiteDatabase($"Filename={_db.Path};Connection=direct");
        BsonDocument meta = raw.GetCollection("meta").FindById("schema");
        Assert.Equal("mymss", meta["app"].AsString);
        Assert.Equal(LiteDbSyncStore.SchemaVersion, meta["version"].AsInt32);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("random")]
    [InlineData("truncated")]
    public void A_file_that_is_not_a_LiteDB_database_is_refused_and_left_byte_for_byte_unchanged(string kind)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_db.Path)!);
        byte[] content = kind switch
        {
            "text" => Encoding.UTF8.GetBytes("hello, this is my notes file\n"),
            "json" => Encoding.UTF8.GetBytes("{\"Database\":{\"Path\":\"x\"}}"),
            "random" => RandomNumberGenerator.GetBytes(3 * 8192),
            _ => TruncatedDatabase(),
        };
        File.WriteAllBytes(_db.Path, content);
        var e = Assert.Throws<StoreException>(() => new LiteDbSyncStore(_db.Path).Read(s => s.GetProfiles()));
        Assert.Equal(StoreMessageKeys.NotADatabase, e.MessageKey);
        Assert.Equal(content, File.ReadAllBytes(_db.Path));
        Assert.False(File.Exists(_db.Path + ".lock")); // nothing created beside a foreign file
    }

    private byte[] TruncatedDatabase()
    {
        string other = _db.Path + ".full";
        new LiteDbSyncStore(other).Write(s => { s.InsertProfile(Sample()); return 0; });
        byte[] all = File.ReadAllBytes(other);
        return all[..(all.Length - 100)];
    }

    [Fact]
    public void A_LiteDB_file_of_another_application_is_refused_and_left_unchanged()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_db.Path)!);
        using (var other = new LiteDatabase($"Filename={_db.Path};Connection=direct"))
            other.GetCollection("customers").Insert(new BsonDocument { ["name"] = "ACME" });
        byte[] before = File.ReadAllBytes(_db.Path);
        var e = Assert.Throws<StoreException>(() => new LiteDbSyncStore(_db.Path).Read(s => s.GetProfiles()));
        Assert.Equal(StoreMessageKeys.NotMyMssDatabase, e.MessageKey);
        Assert.Equal(before, File.ReadAllBytes(_db.Path));
    }

    [Fact]
    public void A_directory_is_refused()
    {
        Directory.CreateDirectory(_db.Path);
        var e = Assert.Throws<StoreException>(() => new LiteDbSyncStore(_db.Path).Read(s => s.GetProfiles()));
        Assert.Equal(StoreMessageKeys.IsDirectory, e.MessageKey);
    }

    [Fact]
    public void Units_of_work_do_not_interleave_between_store_instances()
    {
        // Two instances stand for two processes (the real multi-process test is in the CLI tests).
        var a = new LiteDbSyncStore(_db.Path);
        var b = new LiteDbSyncStore(_db.Path);
        Parallel.For(0, 40, i =>
        {
            var store = i % 2 == 0 ? a : b;
            store.Write(s =>
            {
                var settings = s.GetSettings() ?? new SyncSettings(24, null, null, 0);
                Thread.Sleep(1);
                s.PutSettings(settings with { Version = settings.Version + 1 });
                return 0;
            });
        });
        Assert.Equal(40, a.Read(s => s.GetSettings()!.Version));
    }

    [Fact]
    public void An_older_schema_is_migrated_after_a_timestamped_backup_of_the_file_as_it_was()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_db.Path)!);
        using (var v1 = new LiteDatabase($"Filename={_db.Path};Connection=direct"))
        {
            v1.GetCollection("meta").Insert(new BsonDocument { ["_id"] = "schema", ["app"] = "mymss", ["version"] = 1 });
            v1.GetCollection("profiles").Insert(DocumentMapping.FromProfile(Sample(4)));
        }
        byte[] before = File.ReadAllBytes(_db.Path);

        var store = new LiteDbSyncStore(_db.Path);
        Assert.Equal(4, store.Read(s => s.GetProfile(4))!.Code);

        string backup = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(_db.Path)!, "mymss.db.schema1-*.bak"));
        Assert.Equal(backup, store.LastBackup);
        Assert.Equal(before, File.ReadAllBytes(backup));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
        using var raw = new LiteDatabase($"Filename={_db.Path};Connection=direct");
        Assert.Equal(LiteDbSyncStore.SchemaVersion, raw.GetCollection("meta").FindById("schema")["version"].AsInt32);
    }

    [Fact]
    public void A_newer_schema_is_refused_and_left_unchanged()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_db.Path)!);
        using (var future = new LiteDatabase($"Filename={_db.Path};Connection=direct"))
            future.GetCollection("meta").Insert(new BsonDocument { ["_id"] = "schema", ["app"] = "mymss", ["version"] = 99 });
        byte[] before = File.ReadAllBytes(_db.Path);
        var e = Assert.Throws<StoreException>(() => new LiteDbSyncStore(_db.Path).Read(s => s.GetProfiles()));
        Assert.Equal(StoreMessageKeys.NewerSchema, e.MessageKey);
        Assert.Equal(before, File.ReadAllBytes(_db.Path));
    }
}
