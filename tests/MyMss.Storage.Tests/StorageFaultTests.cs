using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MyMss.Core.Domain;
using MyMss.Core.Ports;
using MyMss.Core.Rules;
using MyMss.Core.Security;
using MyMss.Core.Services;

namespace MyMss.Storage.Tests;

/// <summary>
/// Storage faults by design: a scripted workload is replayed with a full disk, an I/O error, a short write or a power
/// cut at each write or sync in turn, and the database is then reopened on the real file: it opens, every acknowledged
/// change is there, and nothing of a failed one.
/// </summary>
public sealed class StorageFaultTests
{
    private static readonly SyncOptions Options = new(9000, 24, SyncOptions.DefaultTables);

    /// <summary>The workload: a new database, creations, settings, an edit, an import (a bigger transaction), a deletion. A step returns its problems, "" when it worked.</summary>
    private static readonly Func<SyncConfiguration, string>[] Steps =
    [
        s => Problems(s.CreateProfile(Input(1))),
        s => Problems(s.CreateProfile(Input(2))),
        s => Problems(s.SaveSettings(new SettingsInput("12", 1, 2))),
        s => Problems(s.UpdateProfile(1, Input(1) with { Description = "Rede interna (alterada)", Port = "9101", Password = "", PasswordConfirmation = null })),
        s => Problems(s.Import(Import(1, 40), dryRun: false)),
        s => Problems(s.DeleteProfile(40)),
        s => Problems(s.CreateProfile(Input(50))),
    ];

    private static string Problems<T>(Outcome<T> outcome) => string.Join("; ", outcome.Errors.Select(e => $"{e.Field} {e.MessageKey} {e.Item}"));

    private static ProfileInput Input(int code) => new()
    {
        Code = code.ToString(), Description = $"Perfil {code} " + new string('x', 40), Host = "sync.example.pt", Port = (9000 + code).ToString(),
        InternetAccess = InternetAccess.Vpn, ExternalHost = "vpn.example.pt", FilterEnabled = true,
        Tables = [new TableTransfer("Artigos", true, false), new TableTransfer("Rotas", true, true)], Password = "pw", PasswordConfirmation = "pw",
    };

    private static ImportData Import(int from, int to) => new(ImportData.CurrentSchemaVersion, new SettingsInput("6", from + 1, from + 2),
        Enumerable.Range(from, to - from + 1).Select(code => new ImportedProfile(Input(code) with { Description = $"Importado {code} " + new string('y', 40) }, CheapHasher.Fixed, code)).ToList());

    private static SyncConfiguration Service(ISyncStore store) =>
        new(store, new CheapHasher(), Options, new Actor("tecnico", "servidor-01"), new FixedClock());

    /// <summary>Everything a unit of work can change, read by a fresh store on the real files.</summary>
    private static string Observe(string path)
    {
        SyncConfiguration service = Service(new LiteDbSyncStore(path));
        SyncSnapshot snapshot = service.Load();
        var text = new StringBuilder($"settings {snapshot.Settings}\n");
        foreach (SyncProfile p in snapshot.Profiles)
            text.Append($"profile {p.Code} {p.Description} {p.Port} v{p.Version} {p.TransferFilter.Tables.Count} {Convert.ToHexString(p.Password.Hash)}\n");
        foreach (AuditEntry e in service.Audit(1000))
            text.Append($"audit {e.Action} {e.ProfileCode} {e.Changes.Count}\n");
        return text.ToString();
    }

    private sealed record Reference(string[] States, long Operations, List<string> Journal)
    {
        /// <summary>The operations a fault is injected at: writes and syncs, or writes only for a short write.</summary>
        public long Injectable(Fault fault) => fault == Fault.PartialWrite ? Journal.Count(e => e.StartsWith("write", StringComparison.Ordinal)) : Operations;
    }

    /// <summary>The workload without faults: the state after each step, and how many writes and syncs it makes.</summary>
    private static readonly Lazy<Reference> Clean = new(() =>
    {
        using var db = new TempDatabase();
        FaultyFiles files = FaultyFiles.None();
        SyncConfiguration service = Service(new LiteDbSyncStore(db.Path, null, files));
        using var empty = new TempDatabase();
        var states = new List<string> { Observe(empty.Path) };
        foreach (Func<SyncConfiguration, string> step in Steps)
        {
            Assert.Equal("", step(service));
            states.Add(Observe(db.Path));
        }
        Assert.Equal(Steps.Length + 1, states.Distinct().Count()); // every step changes something
        return new Reference([.. states], files.Operations, files.Journal);
    });

    [Theory]
    [InlineData(Fault.DiskFull)]
    [InlineData(Fault.IoError)]
    [InlineData(Fault.PartialWrite)]
    public void A_write_or_sync_failing_at_any_point_changes_nothing_and_the_same_step_then_works(Fault fault)
    {
        Reference clean = Clean.Value;
        string expectedKey = fault == Fault.IoError ? StoreMessageKeys.WriteFailed : StoreMessageKeys.DiskFull;
        int failed = 0;
        for (long n = 1; n <= clean.Injectable(fault); n++)
        {
            using var db = new TempDatabase();
            var files = new FaultyFiles(fault, n);
            SyncConfiguration service = Service(new LiteDbSyncStore(db.Path, null, files));
            for (int step = 0; step < Steps.Length; step++)
            {
                try
                {
                    Assert.Equal("", Steps[step](service));
                }
                catch (StoreException e)
                {
                    failed++;
                    Assert.True(expectedKey == e.MessageKey && db.Path == e.Path, $"fault at operation {n}, step {step}: {e.MessageKey} {e.Path}");
                    Assert.True(clean.States[step] == Observe(db.Path), $"fault at operation {n} left part of step {step}");
                    Assert.True(Steps[step](service) == "", $"step {step} again after the fault at operation {n}");
                }
            }
            Assert.True(files.Fired, $"operation {n} was never reached");
            Assert.True(clean.States[^1] == Observe(db.Path), $"fault at operation {n}: the final state differs");
        }
        Assert.True(failed > clean.Injectable(fault) / 2, $"only {failed} of {clean.Injectable(fault)} faults were reported"); // most faults come before a commit is durable
    }

    [Theory]
    [InlineData(Tear.DropAll)]
    [InlineData(Tear.KeepAll)]
    [InlineData(Tear.RandomSectors)]
    public void A_power_cut_at_any_write_or_sync_keeps_every_acknowledged_change_and_nothing_half_applied(Tear tear)
    {
        Reference clean = Clean.Value;
        for (long n = 1; n <= clean.Operations + 1; n++)
        {
            using var db = new TempDatabase();
            var files = new FaultyFiles(Fault.PowerCut, n);
            SyncConfiguration service = Service(new LiteDbSyncStore(db.Path, null, files));
            int acknowledged = 0;
            try
            {
                while (acknowledged < Steps.Length)
                {
                    Assert.Equal("", Steps[acknowledged](service));
                    acknowledged++;
                }
            }
            catch (StoreException)
            {
                // the unit of work the power went in (or the next one, if it went after a commit was durable)
            }
            Assert.Equal(n <= clean.Operations, files.PoweredOff);
            files.PowerCut(tear, seed: (int)n);

            string after = Observe(db.Path);
            bool asAcknowledged = after == clean.States[acknowledged];
            bool inFlightWhole = acknowledged < Steps.Length && after == clean.States[acknowledged + 1];
            Assert.True(asAcknowledged || inFlightWhole, $"power cut at operation {n} ({tear}) after {acknowledged} acknowledged steps:\n{after}");
        }
    }

    [Fact]
    public void A_change_reaches_the_log_and_its_sync_before_the_data_file_and_is_confirmed_only_once_its_pages_are_on_disk()
    {
        using var db = new TempDatabase();
        SyncConfiguration service = Service(new LiteDbSyncStore(db.Path));
        Assert.True(service.CreateProfile(Input(1)).IsOk);
        var files = FaultyFiles.None();
        Assert.True(Service(new LiteDbSyncStore(db.Path, null, files)).CreateProfile(Input(2)).IsOk);

        // Consecutive pages of one kind as one step; the one-byte write is the confirmation flag of the commit.
        var steps = new List<string>();
        foreach (string entry in files.Journal)
        {
            string[] parts = entry.Split(' ');
            string step = parts[0] == "write" && parts[^1] == "1" ? "confirm log" : parts[0] + " " + parts[1] + (parts[0] == "cut" ? " " + parts[2] : "");
            if (steps.Count == 0 || steps[^1] != step)
                steps.Add(step);
        }
        Assert.Equal(["write log", "sync log", "confirm log", "sync log", "write data", "sync data", "cut log 0"], steps);
        Assert.False(File.Exists(WriteAheadLog.PathOf(db.Path))); // emptied and removed once in the data file
    }

    [Fact]
    public void A_data_page_is_written_only_once_the_log_written_before_it_is_on_disk()
    {
        // The path LiteDB takes by itself when a commit leaves more than 1,000 pages in the log: a checkpoint inside Commit.
        using var db = new TempDatabase();
        new LiteDbSyncStore(db.Path).Write(s => s.GetSettings()); // creates the database
        var journal = FaultyFiles.None();
        using (var files = new DatabaseFiles(db.Path, WriteAheadLog.PathOf(db.Path), journal))
        {
            files.Log.Write(new byte[DatabaseFileGuard.PageSize]);
            files.Data.Position = DatabaseFileGuard.PageSize;
            files.Data.Write(new byte[DatabaseFileGuard.PageSize]);
            files.Data.Flush();
        }
        Assert.Equal(["write log 0 8192", "sync log", "write data 8192 8192", "sync data"], journal.Journal);
    }

    [Fact]
    public void The_data_file_never_grows_past_what_its_log_can_explain()
    {
        using var db = new TempDatabase();
        new LiteDbSyncStore(db.Path).Write(s => s.GetSettings()); // creates the database
        byte[] before = File.ReadAllBytes(db.Path);
        string log = WriteAheadLog.PathOf(db.Path);
        using (var files = new DatabaseFiles(db.Path, log, DiskFiles.Instance))
        {
            files.Data.Position = 2_114_267_030L * DatabaseFileGuard.PageSize; // where random bytes in a log sent LiteDB
            Assert.Throws<LogBeyondDataException>(() => files.Data.Write(new byte[DatabaseFileGuard.PageSize]));
            files.RestoreAfterFault();
        }
        Assert.Equal(before, File.ReadAllBytes(db.Path));
    }

    /// <summary>
    /// A database whose last commit (an import of 40 profiles) is only in its synced log: the disk was full at the
    /// checkpoint's first write into the data file. Returns the log's path.
    /// </summary>
    private static string WithCheckpointLeftInTheLog(TempDatabase db)
    {
        SyncConfiguration service = Service(new LiteDbSyncStore(db.Path));
        Assert.True(service.CreateProfile(Input(1)).IsOk);
        Assert.True(service.CreateProfile(Input(2)).IsOk);
        using var copy = new TempDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(copy.Path)!);
        File.Copy(db.Path, copy.Path);
        var count = FaultyFiles.None();
        Assert.True(Service(new LiteDbSyncStore(copy.Path, null, count)).Import(Import(1, 40), dryRun: false).IsOk);
        long firstDataWrite = count.Journal.TakeWhile(e => !e.StartsWith("write data", StringComparison.Ordinal)).Count(e => !e.StartsWith("cut", StringComparison.Ordinal)) + 1;

        var full = new FaultyFiles(Fault.DiskFull, firstDataWrite);
        Assert.True(Service(new LiteDbSyncStore(db.Path, null, full)).Import(Import(1, 40), dryRun: false).IsOk);
        Assert.True(full.Fired);
        Assert.True(File.Exists(WriteAheadLog.PathOf(db.Path)));
        return WriteAheadLog.PathOf(db.Path);
    }

    [Fact]
    public void A_commit_whose_copy_into_the_data_file_failed_is_acknowledged_and_there_at_the_next_open()
    {
        using var db = new TempDatabase();
        WithCheckpointLeftInTheLog(db);
        Assert.Contains("Importado 40", Observe(db.Path));
        Assert.False(File.Exists(WriteAheadLog.PathOf(db.Path))); // the next open copied it in
    }

    [Fact]
    public void A_data_file_whose_last_page_a_full_disk_cut_short_is_copied_aside_and_completed_from_its_log()
    {
        using var db = new TempDatabase();
        string log = WithCheckpointLeftInTheLog(db);
        // As the previous version left it on a full disk: the checkpoint wrote half of a new page, then failed.
        long dataPages = new FileInfo(db.Path).Length / DatabaseFileGuard.PageSize;
        byte[] logBytes = File.ReadAllBytes(log);
        byte[] page = Enumerable.Range(0, logBytes.Length / DatabaseFileGuard.PageSize)
            .Select(i => logBytes.AsSpan(i * DatabaseFileGuard.PageSize, DatabaseFileGuard.PageSize).ToArray())
            .First(p => BinaryPrimitives.ReadUInt32LittleEndian(p) == dataPages);
        using (var data = new FileStream(db.Path, FileMode.Append))
            data.Write(page, 0, 4096);
        byte[] torn = File.ReadAllBytes(db.Path);

        string state = Observe(db.Path);
        Assert.Contains("Importado 40", state);
        Assert.Equal(0, new FileInfo(db.Path).Length % DatabaseFileGuard.PageSize);
        string backup = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(db.Path)!, "mymss.db.torn-*.bak"));
        Assert.Equal(torn, File.ReadAllBytes(backup));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
    }

    [Fact]
    public void A_data_file_cut_short_with_no_log_to_complete_it_is_refused_and_left_unchanged()
    {
        using var db = new TempDatabase();
        string log = WithCheckpointLeftInTheLog(db);
        File.Delete(log);
        using (var data = new FileStream(db.Path, FileMode.Append))
            data.Write(new byte[100]);
        byte[] before = File.ReadAllBytes(db.Path);
        var e = Assert.Throws<StoreException>(() => new LiteDbSyncStore(db.Path).Read(s => s.GetProfiles()));
        Assert.Equal(StoreMessageKeys.NotADatabase, e.MessageKey);
        Assert.Equal(before, File.ReadAllBytes(db.Path));
    }

    public static TheoryData<string> DamagedLogs => new() { "random", "random-odd-size", "short", "page-beyond-the-file", "header-page-not-LiteDB" };

    [Theory]
    [MemberData(nameof(DamagedLogs))]
    public void A_log_LiteDB_did_not_write_is_refused_before_LiteDB_reads_it_and_both_files_stay_unchanged(string kind)
    {
        using var db = new TempDatabase();
        string log = WithCheckpointLeftInTheLog(db);
        byte[] real = File.ReadAllBytes(log);
        byte[] damaged = kind switch
        {
            "random" => RandomNumberGenerator.GetBytes(5 * DatabaseFileGuard.PageSize),
            "random-odd-size" => RandomNumberGenerator.GetBytes(3 * DatabaseFileGuard.PageSize + 777),
            "short" => RandomNumberGenerator.GetBytes(100),
            "page-beyond-the-file" => WithPageId(real, 1, 2_114_267_030),
            _ => WithSignatureBroken(real),
        };
        File.WriteAllBytes(log, damaged);
        byte[] data = File.ReadAllBytes(db.Path);

        var e = Assert.Throws<StoreException>(() => new LiteDbSyncStore(db.Path).Read(s => s.GetProfiles()));
        Assert.Equal((StoreMessageKeys.DamagedLog, log), (e.MessageKey, e.Path));
        Assert.Equal(data, File.ReadAllBytes(db.Path));
        Assert.Equal(damaged, File.ReadAllBytes(log));

        // README's recovery: move the log aside, and the database opens as of its last checkpoint.
        File.Move(log, log + ".damaged");
        Assert.Contains("Perfil 2", Observe(db.Path));
    }

    private static byte[] WithPageId(byte[] log, int page, uint id)
    {
        byte[] copy = [.. log];
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(page * DatabaseFileGuard.PageSize), id);
        return copy;
    }

    private static byte[] WithSignatureBroken(byte[] log)
    {
        byte[] copy = [.. log];
        for (int i = 0; i < copy.Length / DatabaseFileGuard.PageSize; i++)
            if (copy[i * DatabaseFileGuard.PageSize + 4] == 1) // the header page
                copy[i * DatabaseFileGuard.PageSize + 40] ^= 0xFF;
        return copy;
    }

    [Fact]
    public void A_log_whose_last_page_a_power_cut_tore_is_LiteDB_s_and_opens()
    {
        using var db = new TempDatabase();
        string log = WithCheckpointLeftInTheLog(db);
        byte[] real = File.ReadAllBytes(log);
        File.WriteAllBytes(log, [.. real, .. real.AsSpan(0, 1536)]); // a page whose first three sectors reached the disk
        Assert.Contains("Importado 40", Observe(db.Path));
    }

    private sealed class CheapHasher : IPasswordHasher
    {
        public static readonly PasswordHash Fixed = new(Pbkdf2PasswordHasher.AlgorithmName, Pbkdf2PasswordHasher.DefaultIterations, new byte[16], new byte[32]);
        public PasswordHash Hash(string password) => Fixed;
        public bool Verify(string password, PasswordHash stored) => true;
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    }
}
