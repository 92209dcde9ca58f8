using System.Diagnostics;
using System.Text.Json.Nodes;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Testing;

namespace MyMss.Storage.Tests;

/// <summary>
/// Reading an import file takes a bounded amount of memory whatever the file is (before, a 199 MB file took 1.4 GB
/// before it was refused, and /dev/zero never ended), and a field that is not there is reported as missing.
/// </summary>
public sealed class BoundedImportTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public BoundedImportTests() => Directory.CreateDirectory(_db.Folder);

    public void Dispose() => _db.Dispose();

    private string FileNamed(string name) => Path.Combine(_db.Folder, name);

    /// <summary>What reading allocated on this thread: the memory the file cost, whatever it held.</summary>
    private static (ImportData? Data, IReadOnlyList<FieldError> Errors, long Allocated) Measured(string path)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var (data, errors) = ExportFile.ReadFile(path);
        return (data, errors, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void AssertTooLarge(IReadOnlyList<FieldError> errors)
    {
        FieldError e = Assert.Single(errors);
        Assert.Equal((Fields.File, MessageKeys.FileTooLarge), (e.Field, e.MessageKey));
    }

    [Fact]
    public void An_export_of_ten_thousand_profiles_with_every_field_at_its_longest_is_read()
    {
        var tables = SyncOptions.DefaultTables.Select(t => new TableTransfer(t, true, true)).ToList();
        var hash = new PasswordHash("PBKDF2-SHA256", 600_000, new byte[16], new byte[32]);
        var profiles = Enumerable.Range(1, 10_000).Select(code => new SyncProfile(
            code, new string('D', 60), new string('h', 60) + ".example.pt", 9000 + code % 50_000 + 1, 300, 10, 9, true,
            InternetAccess.MobileData, new string('e', 60) + ".example.pt", 65535, new TransferFilter(true, tables), hash)).ToList();
        string path = FileNamed("10000.json");
        File.WriteAllText(path, ExportFile.Export(new SyncSnapshot(new SyncSettings(720, 1, 2), profiles), DateTimeOffset.UtcNow));

        long size = new FileInfo(path).Length;
        Assert.True(size < ExportFile.MaxFileBytes * 0.7, $"{size} bytes: the limit leaves too little room above 10,000 profiles");
        var (data, errors, _) = Measured(path);
        Assert.Empty(errors);
        Assert.Equal(10_000, data!.Profiles.Count);
    }

    [Fact]
    public void A_file_one_byte_over_the_limit_is_refused_before_it_is_read()
    {
        string path = FileNamed("over.json");
        using (var f = new FileStream(path, FileMode.CreateNew))
            f.SetLength(ExportFile.MaxFileBytes + 1L); // sparse: no disk used
        var (data, errors, allocated) = Measured(path);
        Assert.Null(data);
        AssertTooLarge(errors);
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes allocated to refuse a file by its size");
    }

    [Fact]
    public void A_huge_sparse_file_is_refused_by_its_size()
    {
        string path = FileNamed("huge.json");
        using (var f = new FileStream(path, FileMode.CreateNew))
            f.SetLength(1L << 40); // 1 TiB that occupies nothing
        var (data, errors, allocated) = Measured(path);
        Assert.Null(data);
        AssertTooLarge(errors);
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void An_endless_device_is_refused_once_the_limit_has_been_read()
    {
        var (data, errors, allocated) = Measured("/dev/zero");
        Assert.Null(data);
        AssertTooLarge(errors);
        Assert.True(allocated < 3L * ExportFile.MaxFileBytes, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_pipe_that_never_ends_is_refused_once_the_limit_has_been_read()
    {
        string fifo = FileNamed("fifo");
        using (Process mkfifo = Process.Start("mkfifo", [fifo])!)
            mkfifo.WaitForExit();
        var writer = new Thread(() =>
        {
            using var w = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            byte[] chunk = "{\"schemaVersion\": 2, \"x\": \""u8.ToArray().Concat(Enumerable.Repeat((byte)'a', 64 * 1024)).ToArray();
            try
            {
                while (true)
                    w.Write(chunk); // until the reader has had enough and closes its end
            }
            catch (IOException)
            {
            }
        }) { IsBackground = true };
        writer.Start();
        var (data, errors, allocated) = Measured(fifo);
        Assert.Null(data);
        AssertTooLarge(errors);
        Assert.True(allocated < 3L * ExportFile.MaxFileBytes, $"{allocated} bytes allocated");
        Assert.True(writer.Join(TimeSpan.FromMinutes(1)), "the writer never saw the pipe close");
    }

    public static TheoryData<string, string> MissingParts => new()
    {
        { "settings", Fields.Settings },
        { "profiles", Fields.Profiles },
        { "profiles.0.host", Fields.Host },
        { "profiles.0.port", Fields.Port },
        { "profiles.0.encryption", Fields.Encryption },
        { "profiles.0.transferFilter", Fields.TransferFilter },
        { "profiles.0.transferFilter.tables", Fields.TransferFilter },
        { "profiles.0.transferFilter.tables.0.name", Fields.TransferFilter },
        { "profiles.0.password", Fields.Password },
        { "schemaVersion", Fields.SchemaVersion },
    };

    [Theory]
    [MemberData(nameof(MissingParts))]
    public void A_missing_field_is_reported_as_missing_not_as_a_wrong_type(string where, string field)
    {
        JsonNode doc = JsonNode.Parse(ValidDocument())!;
        string[] steps = where.Split('.');
        JsonNode parent = doc;
        foreach (string step in steps[..^1])
            parent = int.TryParse(step, out int i) ? parent[i]! : parent[step]!;
        Assert.True(parent.AsObject().Remove(steps[^1]), where);

        var (data, errors) = ExportFile.Read(doc.ToJsonString());
        Assert.Null(data);
        FieldError e = Assert.Single(errors, e => e.Field == field);
        Assert.Equal(MessageKeys.Missing, e.MessageKey);
        Assert.DoesNotContain(errors, e => e.MessageKey == MessageKeys.WrongType);
    }

    private static string ValidDocument()
    {
        var tables = SyncOptions.DefaultTables.Select(t => new TableTransfer(t, true, false)).ToList();
        var profile = new SyncProfile(1, "Um", "h.pt", 9001, 10, 3, 4, false, InternetAccess.None, null, null, new TransferFilter(true, tables),
            new PasswordHash("PBKDF2-SHA256", 600_000, new byte[16], new byte[32]));
        return ExportFile.Export(new SyncSnapshot(new SyncSettings(24, 1, null), [profile]), DateTimeOffset.UtcNow);
    }
}
