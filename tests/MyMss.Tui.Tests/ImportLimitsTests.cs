using System.Text.Json.Nodes;
using MyMss.Storage;

namespace MyMss.Tui.Tests;

/// <summary>
/// `mymss import` on files that are too big or endless, and on files with a field left out, as a technician sees it:
/// one line each, exit 1, and a process whose memory stays small (before: 1.4 GB for a 199 MB file, /dev/zero for ever).
/// </summary>
public sealed class ImportLimitsTests : IDisposable
{
    private readonly TempFolder _tmp = new();
    private string Db => _tmp.File("mymss.db");

    public void Dispose() => _tmp.Dispose();

    /// <summary>The real program with its managed heap capped at 128 MiB: reading a file whole would run out of memory.</summary>
    private CliResult ImportWithLittleMemory(string file) =>
        CliProcess.RunRaw(null, new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x8000000" }, "--db", Db, "import", file);

    [Fact]
    public void An_endless_device_is_refused_in_one_line_with_little_memory()
    {
        CliResult r = ImportWithLittleMemory("/dev/zero");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("mymss: Ficheiro: tem mais de 32 MB, o máximo de um ficheiro de exportação (10 000 perfis ocupam cerca de 19 MB)", r.Err.Trim());
        Assert.False(File.Exists(Db), "nothing is read from the database before the file is judged");
    }

    [Fact]
    public void A_huge_sparse_file_is_refused_in_one_line_with_little_memory()
    {
        string file = _tmp.File("huge.json");
        using (var f = new FileStream(file, FileMode.CreateNew))
            f.SetLength(200L * 1024 * 1024 * 1024); // 200 GB that occupy nothing
        CliResult r = ImportWithLittleMemory(file);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("tem mais de 32 MB", r.Err);
        Assert.Single(r.Err.Trim().Split('\n'));
    }

    [Fact]
    public void A_missing_field_is_reported_as_missing()
    {
        Assert.Equal(0, CliRunner.Run(Db, "pw\n", "profiles", "add", "--code", "1", "--description", "Um", "--host", "h.pt", "--port", "9001", "--password-stdin").ExitCode);
        string file = _tmp.File("export.json");
        Assert.Equal(0, CliRunner.Run(Db, null, "export", file).ExitCode);
        JsonNode doc = JsonNode.Parse(File.ReadAllText(file))!;
        doc["profiles"]![0]!.AsObject().Remove("host");
        File.WriteAllText(file, doc.ToJsonString());

        CliResult pt = CliRunner.Run(Db, null, "import", file);
        Assert.Equal(1, pt.ExitCode);
        Assert.Contains("Servidor (MISCommunicator): falta no ficheiro", pt.Err);
        Assert.DoesNotContain("tipo de valor errado", pt.Err);
        CliResult en = CliRunner.Run(Db, null, "--lang", "en", "import", file);
        Assert.Contains("Server (MISCommunicator): is missing from the file", en.Err);
    }

    [Fact]
    public void The_documented_limit_is_the_one_in_force()
    {
        string cli = File.ReadAllText(Path.Combine(DocSchemas.RepoRoot, "docs", "cli.md"));
        Assert.Contains($"{ExportFile.MaxFileBytes / (1024 * 1024)} MiB", cli);
    }
}
