using System.Diagnostics;

namespace MyMss.Tui.Tests;

/// <summary>What one run of `mymss` printed and its exit code, from a process (<see cref="CliProcess"/>) or from this one (<see cref="CliRunner"/>).</summary>
public sealed record CliResult(int ExitCode, string Out, string Err)
{
    public string All => Out + Err;
}

/// <summary>
/// Runs the real `mymss` program (the built mymss.dll beside the tests) as a separate process, without the MYMSS_
/// variables of the test's environment. For what only a process shows: the exit status as a shell sees it, environment
/// variables, a real redirected stdin, concurrent or killed processes, the screen; everything else runs in <see cref="CliRunner"/>.
/// </summary>
public static class CliProcess
{
    public static string AppDll => Path.Combine(AppContext.BaseDirectory, "mymss.dll");

    public static CliResult Run(string db, string? stdin, params string[] args) =>
        RunRaw(stdin, null, ["--db", db, .. args]);

    public static CliResult RunRaw(string? stdin, IDictionary<string, string>? env, params string[] args) => RunIn(null, stdin, env, args);

    /// <summary>As <see cref="RunRaw"/>, started in <paramref name="folder"/> (null: this process's current folder).</summary>
    public static CliResult RunIn(string? folder, string? stdin, IDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder ?? "",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(AppDll);
        foreach (string a in args)
            psi.ArgumentList.Add(a);
        foreach (string key in psi.Environment.Keys.Where(k => k.StartsWith("MYMSS_", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        if (env is not null)
            foreach (var (k, v) in env)
                psi.Environment[k] = v;
        using var process = Process.Start(psi)!;
        if (stdin is not null)
            process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("mymss did not finish: " + string.Join(' ', args));
        }
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>A folder of its own for each test, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("mymss-tui-test-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
