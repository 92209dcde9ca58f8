using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MyMss.Tui.Tests;

/// <summary>Killed processes and hostile paths, with the real program.</summary>
public sealed class ReliabilityTests : IDisposable
{
    private const string Secret = "Kill-secret-5";
    private readonly TempFolder _tmp = new();
    private string Db => _tmp.File("mymss.db");

    public void Dispose() => _tmp.Dispose();

    private static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        psi.ArgumentList.Add(CliProcess.AppDll);
        foreach (string a in args)
            psi.ArgumentList.Add(a);
        Process p = Process.Start(psi)!;
        p.StandardInput.Close();
        return p;
    }

    /// <summary>An export file of <paramref name="count"/> profiles described "{tag} n", all sharing one real password hash.</summary>
    private string ExportFileOf(string tag, int count)
    {
        string seedDb = _tmp.File("seed.db");
        if (!File.Exists(seedDb))
            Assert.Equal(0, CliProcess.Run(seedDb, Secret + "\n", "profiles", "add", "--code", "1", "--description", "x", "--host", "h.pt", "--port", "9001", "--password-stdin").ExitCode);
        string seedFile = _tmp.File("seed.json");
        Assert.Equal(0, CliProcess.Run(seedDb, null, "export", seedFile, "--force").ExitCode);
        JsonNode doc = JsonNode.Parse(File.ReadAllText(seedFile))!;
        JsonNode template = doc["profiles"]![0]!;
        var profiles = new JsonArray();
        for (int i = 1; i <= count; i++)
        {
            JsonNode p = template.DeepClone();
            p["code"] = i;
            p["description"] = $"{tag} {i}";
            p["port"] = 9001 + i;
            profiles.Add(p);
        }
        doc["profiles"] = profiles;
        string file = _tmp.File(tag + ".json");
        File.WriteAllText(file, doc.ToJsonString());
        return file;
    }

    private string[] Descriptions()
    {
        CliResult list = CliProcess.Run(Db, null, "profiles", "list", "--json");
        Assert.True(list.ExitCode == 0, list.Err);
        return JsonDocument.Parse(list.Out).RootElement.EnumerateArray().Select(p => p.GetProperty("description").GetString()!).ToArray();
    }

    [Fact]
    public void A_process_killed_during_an_import_leaves_all_of_it_or_none_of_it()
    {
        const int count = 300;
        string a = ExportFileOf("A", count), b = ExportFileOf("B", count);
        var random = new Random(7);
        string? before = null; // what the database held before this round (null: nothing yet)
        for (int round = 0; round < 10; round++)
        {
            string tag = round % 2 == 0 ? "A" : "B";
            using Process p = Start("--db", Db, "import", tag == "A" ? a : b);
            bool finished = p.WaitForExit(random.Next(150, 1200));
            if (!finished)
                p.Kill(); // SIGKILL
            p.WaitForExit();

            string[] now = Descriptions();
            string[] tags = now.Select(d => d.Split(' ')[0]).Distinct().ToArray();
            Assert.True(now.Length == 0 || (now.Length == count && tags.Length == 1), $"round {round}: {now.Length} profiles, tags {string.Join(",", tags)}");
            string? after = tags.SingleOrDefault();
            if (finished && p.ExitCode == 0)
                Assert.Equal(tag, after); // an acknowledged import is there
            else
                Assert.Contains(after, new[] { before, tag }); // as it was, or the killed import whole if it had committed
            before = after;
        }
    }

    [Fact]
    public void Processes_killed_in_a_loop_of_writes_never_lose_an_acknowledged_write()
    {
        Assert.Equal(0, CliProcess.Run(Db, Secret + "\n", "profiles", "add", "--code", "1", "--description", "x", "--host", "h.pt", "--port", "9001", "--password-stdin").ExitCode);
        var random = new Random(11);
        int acknowledged = 24;
        for (int round = 1; round <= 25; round++)
        {
            int value = round + 100;
            using Process p = Start("--db", Db, "settings", "set", "--frequency", value.ToString());
            bool finished = p.WaitForExit(random.Next(60, 400));
            if (!finished)
                p.Kill();
            p.WaitForExit();
            CliResult show = CliProcess.Run(Db, null, "settings", "show", "--json");
            Assert.Equal(0, show.ExitCode);
            int stored = JsonDocument.Parse(show.Out).RootElement.GetProperty("frequencyHours").GetInt32();
            if (finished && p.ExitCode == 0)
            {
                Assert.Equal(value, stored);
                acknowledged = value;
            }
            else
            {
                Assert.Contains(stored, new[] { acknowledged, value });
                acknowledged = stored;
            }
        }
    }

    public static TheoryData<string> HostileKinds => new() { "text", "json", "random", "truncated", "directory", "parent-is-a-file" };

    [Theory]
    [MemberData(nameof(HostileKinds))]
    public void A_hostile_database_path_gives_one_line_exit_4_and_the_file_unchanged(string kind)
    {
        string path = _tmp.File("target.db");
        string? guarded = path;
        switch (kind)
        {
            case "text": File.WriteAllText(path, "just some notes\n"); break;
            case "json": File.WriteAllText(path, "{\"Database\": {\"Path\": \"x\"}}"); break;
            case "random": File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(5 * 8192)); break;
            case "truncated":
                Assert.Equal(0, CliProcess.Run(path, Secret + "\n", "profiles", "add", "--code", "1", "--description", "x", "--host", "h.pt", "--port", "9001", "--password-stdin").ExitCode);
                File.Delete(path + ".lock");
                byte[] all = File.ReadAllBytes(path);
                File.WriteAllBytes(path, all[..^1000]);
                break;
            case "directory": Directory.CreateDirectory(path); guarded = null; break;
            case "parent-is-a-file":
                File.WriteAllText(path, "a file where a folder should be");
                guarded = path;
                path = Path.Combine(path, "sub", "mymss.db");
                break;
        }
        byte[]? before = guarded is null ? null : SHA256.HashData(File.ReadAllBytes(guarded));
        string[] entriesBefore = Directory.GetFileSystemEntries(_tmp.Path).Order().ToArray();

        foreach (string[] args in new[] { new[] { "profiles", "list" }, new[] { "settings", "show", "--json" }, Array.Empty<string>() })
        {
            CliResult r = CliProcess.Run(path, null, args);
            // The screen, with no terminal here, stops before the database is touched (exit 2); in a terminal it says 4 (NoTerminalTests).
            Assert.Equal(args.Length == 0 ? 2 : 4, r.ExitCode);
            Assert.Single(r.Err.Trim().Split('\n'));
            Assert.StartsWith("mymss: ", r.Err);
            Assert.DoesNotContain("   at ", r.Err); // no stack trace
            Assert.Equal("", r.Out);
        }
        if (guarded is not null)
            Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(guarded)));
        Assert.Equal(entriesBefore, Directory.GetFileSystemEntries(_tmp.Path).Order().ToArray()); // nothing created beside it
    }

    /// <summary>
    /// Runs mymss as an ordinary user: as root (CI) file modes do not apply, so drop to "nobody" with setpriv,
    /// from a copy of the program in the test's own folder (the build folder may be under a home nobody can enter).
    /// </summary>
    private CliResult RunUnprivileged(params string[] args)
    {
        string app = _tmp.File("app");
        if (!Directory.Exists(app))
        {
            Directory.CreateDirectory(app);
            File.SetUnixFileMode(app, (UnixFileMode)0b111_101_101);
            foreach (string file in Directory.GetFiles(AppContext.BaseDirectory))
                File.Copy(file, Path.Combine(app, Path.GetFileName(file)));
        }
        bool root = Environment.UserName == "root";
        var psi = new ProcessStartInfo(root ? "setpriv" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        if (root)
            foreach (string a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet" })
                psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(Path.Combine(app, "mymss.dll"));
        foreach (string a in args)
            psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = Path.GetTempPath();
        psi.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        using Process p = Process.Start(psi)!;
        p.StandardInput.Close();
        string output = p.StandardOutput.ReadToEnd(), error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return new CliResult(p.ExitCode, output, error);
    }

    [Fact]
    public void An_unreadable_or_read_only_database_gives_one_line_exit_4_and_stays_unchanged()
    {
        File.SetUnixFileMode(_tmp.Path, (UnixFileMode)0b111_101_101); // the folder may be entered by others (0755)...
        Assert.Equal(0, CliProcess.Run(Db, Secret + "\n", "profiles", "add", "--code", "1", "--description", "x", "--host", "h.pt", "--port", "9001", "--password-stdin").ExitCode);
        File.SetUnixFileMode(Db + ".lock", (UnixFileMode)0b110_110_110);
        byte[] before = SHA256.HashData(File.ReadAllBytes(Db));

        File.SetUnixFileMode(Db, UnixFileMode.None); // ...but the database cannot be read
        CliResult unreadable = RunUnprivileged("--db", Db, "profiles", "list");
        Assert.Equal(4, unreadable.ExitCode);
        Assert.Contains("não é possível abrir", unreadable.Err);
        Assert.Single(unreadable.Err.Trim().Split('\n'));

        File.SetUnixFileMode(Db, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead); // read-only
        CliResult readOnly = RunUnprivileged("--db", Db, "settings", "set", "--frequency", "12");
        Assert.Equal(4, readOnly.ExitCode);
        Assert.Contains("não é possível abrir", readOnly.Err);
        Assert.Single(readOnly.Err.Trim().Split('\n'));
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(Db)));
    }
}
