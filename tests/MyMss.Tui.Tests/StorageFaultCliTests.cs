using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace MyMss.Tui.Tests;

/// <summary>A full disk, a damaged write-ahead log and the order of syncs, with the real program.</summary>
public sealed class StorageFaultCliTests : IDisposable
{
    private const string Secret = "Disk-secret-11";
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static CliResult Add(string db, int code, string lang = "pt") =>
        CliProcess.Run(db, Secret + "\n", "--lang", lang, "profiles", "add", "--code", code.ToString(), "--description", $"Perfil {code}",
            "--host", "sync.example.pt", "--port", (9000 + code).ToString(), "--password-stdin");

    private static int[] Codes(string db)
    {
        CliResult list = CliProcess.Run(db, null, "profiles", "list", "--json");
        Assert.True(list.ExitCode == 0, list.Err);
        return JsonDocument.Parse(list.Out).RootElement.EnumerateArray().Select(p => p.GetProperty("code").GetInt32()).Order().ToArray();
    }

    private static void AssertOneLine(CliResult r, params string[] texts)
    {
        Assert.Equal(4, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Single(r.Err.Trim().Split('\n'));
        Assert.StartsWith("mymss: ", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
        foreach (string text in texts)
            Assert.Contains(text, r.Err);
    }

    [SmallDiskFact]
    public void A_full_disk_gives_its_own_message_and_exit_4_and_once_space_is_freed_the_same_database_works()
    {
        using var disk = new SmallDisk(_tmp.File("disk"), 300 * 1024);
        string db = Path.Combine(disk.Path, "mymss.db");
        Assert.Equal(0, Add(db, 1).ExitCode);
        // Most of the disk taken by something else, as on the server; then profiles until it is full.
        string filler = Path.Combine(disk.Path, "filler");
        using (var f = File.Create(filler))
            f.Write(new byte[(int)Math.Max(0, disk.Available - 96 * 1024) / 4096 * 4096]);
        var acknowledged = new List<int> { 1 };
        CliResult? full = null;
        for (int code = 2; code <= 40 && full is null; code++)
        {
            CliResult r = Add(db, code);
            if (r.ExitCode == 0)
                acknowledged.Add(code);
            else
                full = r;
        }
        Assert.NotNull(full);
        AssertOneLine(full, db, "sem espaço em disco");
        AssertOneLine(Add(db, 99, "en"), db, "no space left on device");
        Assert.Equal(acknowledged, Codes(db)); // still readable while the disk is full

        File.Delete(filler);
        Assert.Equal(0, Add(db, 99).ExitCode); // no manual step
        Assert.Equal([.. acknowledged, 99], Codes(db));
        Assert.Equal(0, new FileInfo(db).Length % 8192);
    }

    [Fact]
    public void A_write_ahead_log_that_is_not_LiteDB_s_is_refused_with_both_files_unchanged_and_moving_it_aside_recovers()
    {
        string db = _tmp.File("mymss.db"), log = _tmp.File("mymss-log.db");
        Assert.Equal(0, Add(db, 1).ExitCode);
        Assert.Equal(0, Add(db, 2).ExitCode);
        File.WriteAllBytes(log, RandomNumberGenerator.GetBytes(5 * 8192));
        byte[] data = SHA256.HashData(File.ReadAllBytes(db)), garbage = SHA256.HashData(File.ReadAllBytes(log));
        long length = new FileInfo(db).Length;

        AssertOneLine(CliProcess.Run(db, null, "profiles", "list"), log, "write-ahead log");
        AssertOneLine(CliProcess.Run(db, null, "--lang", "en", "settings", "show"), log, "write-ahead log", "move it aside");
        AssertOneLine(Add(db, 3), log);
        Assert.Equal(length, new FileInfo(db).Length);
        Assert.Equal(data, SHA256.HashData(File.ReadAllBytes(db)));
        Assert.Equal(garbage, SHA256.HashData(File.ReadAllBytes(log)));

        File.Move(log, log + ".damaged"); // README's recovery: the database as of its last checkpoint
        Assert.Equal([1, 2], Codes(db));
    }

    [Fact]
    public void The_log_is_synced_before_the_data_file_is_written_and_a_change_is_acknowledged_after_the_data_file_is_synced()
    {
        string db = _tmp.File("mymss.db"), log = _tmp.File("mymss-log.db"), trace = _tmp.File("trace");
        Assert.Equal(0, Add(db, 1).ExitCode);
        CliResult r = Strace.Run(trace, Secret + "\n", "--db", db, "profiles", "add", "--code", "2", "--description", "Perfil 2",
            "--host", "sync.example.pt", "--port", "9002", "--password-stdin");
        Assert.True(r.ExitCode == 0, r.Err);

        // strace -y names each descriptor's file: keep the writes and syncs of the two files and the acknowledgement.
        var events = new List<string>();
        foreach (string line in File.ReadLines(trace))
        {
            string? file = line.Contains($"<{log}>") ? "log" : line.Contains($"<{db}>") ? "data" : null;
            string? call = new[] { "pwrite64(", "write(", "fsync(", "fdatasync(" }.FirstOrDefault(c => line.Contains(' ' + c) || line.StartsWith(c));
            if (call is null)
                continue;
            if (file is not null)
                events.Add((call.StartsWith("f") ? "sync " : "write ") + file);
            else if (line.Contains("\"Perfil 2 criado."))
                events.Add("acknowledged");
        }
        int firstData = events.IndexOf("write data"), lastLogWrite = events.LastIndexOf("write log");
        Assert.True(lastLogWrite >= 0 && firstData > lastLogWrite, string.Join(", ", events));
        Assert.Contains("sync log", events.Skip(lastLogWrite)); // the log on disk before any page of the data file is overwritten
        Assert.Equal(["write data", "sync data", "acknowledged"], events.Skip(firstData).Distinct());
    }
}

/// <summary>A tmpfs of a given size (tests run as root), unmounted at the end.</summary>
public sealed class SmallDisk : IDisposable
{
    public SmallDisk(string path, int bytes)
    {
        Path = path;
        Directory.CreateDirectory(path);
        var (code, output) = Exec("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", path);
        Assert.True(code == 0, "mount: " + output);
    }

    public string Path { get; }

    public long Available => new DriveInfo(Path).AvailableFreeSpace;

    public void Dispose() => Exec("umount", Path);

    public static (int Code, string Output) Exec(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
            psi.ArgumentList.Add(a);
        using Process p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }

    /// <summary>Null when a tmpfs can be mounted here, else why not.</summary>
    public static readonly Lazy<string?> Unavailable = new(() =>
    {
        string probe = Directory.CreateTempSubdirectory("mymss-mount-probe-").FullName;
        try
        {
            var (code, output) = Exec("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe);
            if (code != 0)
                return $"mounting a tmpfs is refused here (tests need root and CAP_SYS_ADMIN): {output.Trim()}";
            Exec("umount", probe);
            return null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return "no mount command: " + e.Message;
        }
        finally
        {
            Directory.Delete(probe);
        }
    });
}

/// <summary>Skipped, with the reason, where a tmpfs cannot be mounted.</summary>
public sealed class SmallDiskFactAttribute : FactAttribute
{
    public SmallDiskFactAttribute()
    {
        if (SmallDisk.Unavailable.Value is string why)
            Skip = why;
    }
}

/// <summary>The real program under strace (Debian's apt installs it the first time a test needs it, as tmux).</summary>
public static class Strace
{
    private static readonly Lazy<string?> Missing = new(() =>
    {
        if (SmallDisk.Exec("sh", "-c", "command -v strace").Code == 0)
            return null;
        var install = SmallDisk.Exec("sh", "-c", "(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq strace) 2>&1");
        return install.Code == 0 ? null : "strace is missing and could not be installed with apt-get:\n" + install.Output;
    });

    public static CliResult Run(string trace, string stdin, params string[] args)
    {
        if (Missing.Value is string why)
            Assert.Fail(why);
        var psi = new ProcessStartInfo("strace") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-f", "-y", "-e", "trace=pwrite64,write,fsync,fdatasync", "-o", trace, "dotnet", CliProcess.AppDll })
            psi.ArgumentList.Add(a);
        foreach (string a in args)
            psi.ArgumentList.Add(a);
        foreach (string key in psi.Environment.Keys.Where(k => k.StartsWith("MYMSS_", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        using Process p = Process.Start(psi)!;
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        Task<string> output = p.StandardOutput.ReadToEndAsync(), error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return new CliResult(p.ExitCode, output.Result, error.Result);
    }
}
