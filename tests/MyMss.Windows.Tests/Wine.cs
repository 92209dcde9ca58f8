using System.Diagnostics;
using System.IO.Compression;
using System.Text;

// Wine, its server and Unix file modes: these tests run on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace MyMss.Windows.Tests;

/// <summary>What a run of mymss.exe printed and returned.</summary>
public sealed record WineResult(int Code, string Out, string Err)
{
    public override string ToString() => $"exit {Code}\nstdout:\n{Out}\nstderr:\n{Err}";
}

/// <summary>
/// Debian's Wine (package wine64), installed with apt-get the first time a test needs it, as the Linux tests do with
/// tmux; without it (not root, no package source) the tests are skipped with the reason.
/// </summary>
public static class WineInstall
{
    public static readonly Lazy<string?> Missing = new(() =>
    {
        if (Shell("command -v wine && test -x /usr/lib/wine/wine64").Code == 0)
            return null;
        var install = Shell("(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wine64) 2>&1");
        return install.Code == 0 ? null : "Wine (Debian: wine64) is missing and could not be installed with apt-get:\n" + install.Out;
    });

    public static WineResult Shell(string command, string? folder = null)
    {
        var start = new ProcessStartInfo("sh", ["-c", command])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder ?? Environment.CurrentDirectory,
        };
        using Process p = Process.Start(start)!;
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return new WineResult(p.ExitCode, output, err.Result);
    }
}

/// <summary>Skipped, with the reason, where Wine cannot be had.</summary>
public sealed class WineFactAttribute : FactAttribute
{
    public WineFactAttribute()
    {
        if (WineInstall.Missing.Value is string why)
            Skip = why;
    }
}

/// <summary>
/// The package as a technician installs it: packaging/build-windows builds the zip, which is unpacked into
/// C:\Program Files\mymss of a Wine prefix of its own (its C:\ProgramData empty), and mymss.exe is run there by
/// name, without --db or --config unless a test gives them.
/// </summary>
public sealed class WindowsPackage : IDisposable
{
    public const string Exe = @"C:\Program Files\mymss\mymss.exe";

    /// <summary>The Wine prefix: its drive_c is C:\.</summary>
    public string Prefix { get; }

    public string Zip { get; }

    public WindowsPackage()
    {
        if (WineInstall.Missing.Value is not null)
        {
            Prefix = Zip = "";
            return;
        }
        string root = RepositoryRoot();
        string artifacts = Path.Combine(root, "artifacts", "windows-tests");
        var build = WineInstall.Shell($"bash packaging/build-windows '{artifacts}' 2>&1", root);
        Assert.True(build.Code == 0, "packaging/build-windows failed:\n" + build);
        Zip = Directory.GetFiles(artifacts, "mymss-*-win-x64.zip").Single();

        Prefix = Directory.CreateTempSubdirectory("mymss-wine-").FullName;
        var boot = Wine("wineboot", "-i");
        Assert.True(boot.Code == 0, "wineboot failed:\n" + boot);
        string programFiles = Path.Combine(Prefix, "drive_c", "Program Files");
        ZipFile.ExtractToDirectory(Zip, programFiles);
        string unpacked = Directory.GetDirectories(programFiles, "mymss-*-win-x64").Single();
        Directory.Move(unpacked, Path.Combine(programFiles, "mymss"));
    }

    /// <summary>A Windows path of the prefix as a Linux path (C:\ProgramData\mymss → PREFIX/drive_c/ProgramData/mymss).</summary>
    public string Unix(string windowsPath)
    {
        Assert.StartsWith(@"C:\", windowsPath, StringComparison.OrdinalIgnoreCase);
        return Path.Combine(Prefix, "drive_c", windowsPath[3..].Replace('\\', '/'));
    }

    /// <summary>Runs mymss.exe with <paramref name="args"/>; <paramref name="stdin"/> is piped in (UTF-8).</summary>
    public WineResult Run(string? stdin, params string[] args) => Run(stdin, new Dictionary<string, string>(), args);

    public WineResult Run(string? stdin, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Wine("wine", [Exe, .. args], stdin, environment);

    /// <summary>Starts mymss.exe without waiting (two processes at once).</summary>
    public Task<WineResult> Start(string? stdin, params string[] args) => Task.Run(() => Run(stdin, args));

    private WineResult Wine(string program, params string[] args) => Wine(program, args, null, new Dictionary<string, string>());

    private WineResult Wine(string program, string[] args, string? stdin, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program, args)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8, StandardInputEncoding = new UTF8Encoding(false),
            WorkingDirectory = Prefix,
        };
        start.Environment["WINEPREFIX"] = Prefix;
        start.Environment["WINEDEBUG"] = "-all";
        start.Environment["WINEDLLOVERRIDES"] = "mshtml="; // no Gecko installer (mscoree stays: Wine loads IL-only DLLs through it)
        // Wine turns the Linux command line into Windows' UTF-16 with the Linux locale; Windows itself has no such step.
        start.Environment["LANG"] = "C.UTF-8";
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MYMSS_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name); // the developer's own settings must not reach the program under test
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using Process p = Process.Start(start)!;
        if (stdin is not null)
            p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), $"{program} {string.Join(' ', args)}: still running after 3 minutes");
        return new WineResult(p.ExitCode, output, err.Result);
    }

    public void Dispose()
    {
        if (Prefix.Length == 0)
            return;
        WineInstall.Shell($"WINEPREFIX='{Prefix}' wineserver -k");
        Directory.Delete(Prefix, recursive: true);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MyMss.Tui.sln")))
                return dir.FullName;
        throw new InvalidOperationException("MyMss.Tui.sln not found above " + AppContext.BaseDirectory);
    }
}
