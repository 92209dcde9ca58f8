using System.Diagnostics;
using System.Text.Json;

namespace MyMss.Tui.Tests;

/// <summary>
/// Two technicians' accounts, members of one group, and root under sudo, on one database in a set-group-ID folder the
/// group may write (as the package makes /var/lib/mymss): the real program, run as each account with setpriv.
/// </summary>
public sealed class SharedDatabaseCliTests : IDisposable
{
    private const string Secret = "Shared-secret-7";
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Folder => _tmp.File("var-lib-mymss");
    private string Db => Path.Combine(Folder, "mymss.db");

    /// <summary>
    /// The program copied into the test's folder (the build folder may be under a home others cannot enter), run as
    /// <paramref name="account"/> (its uid, its own group, and <paramref name="group"/> as a supplementary group), or as
    /// root when the account is null; <paramref name="env"/> adds variables (SUDO_USER).
    /// </summary>
    private CliResult Run(Accounts.Account? account, int group, string? stdin, IDictionary<string, string>? env, params string[] args)
    {
        string app = _tmp.File("app");
        if (!Directory.Exists(app))
        {
            Directory.CreateDirectory(app);
            foreach (string file in Directory.GetFiles(AppContext.BaseDirectory))
                File.Copy(file, Path.Combine(app, Path.GetFileName(file)));
        }
        var psi = new ProcessStartInfo(account is null ? "dotnet" : "setpriv")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        if (account is not null)
            foreach (string a in new[] { $"--reuid={account.Uid}", $"--regid={account.Gid}", $"--groups={group}", "dotnet" })
                psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(Path.Combine(app, "mymss.dll"));
        foreach (string a in new[] { "--db", Db }.Concat(args))
            psi.ArgumentList.Add(a);
        foreach (string key in psi.Environment.Keys.Where(k => k.StartsWith("MYMSS_", StringComparison.Ordinal) || k.StartsWith("SUDO_", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        psi.Environment["HOME"] = Path.GetTempPath();
        psi.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
            psi.Environment[k] = v;
        using Process p = Process.Start(psi)!;
        if (stdin is not null)
            p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        Task<string> output = p.StandardOutput.ReadToEndAsync(), error = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), "mymss did not finish: " + string.Join(' ', args));
        return new CliResult(p.ExitCode, output.Result, error.Result);
    }

    private CliResult Add(Accounts.Account? account, int group, int code) =>
        Run(account, group, Secret + "\n", null, "profiles", "add", "--code", code.ToString(), "--description", $"Perfil {code}",
            "--host", "10.0.0.5", "--port", (9000 + code).ToString(), "--password-stdin");

    [RootFact]
    public void Two_accounts_in_the_group_and_root_under_sudo_work_on_one_database_and_the_audit_names_each_person()
    {
        var (ana, bruno, group) = (Accounts.Get("mymss-test-ana"), Accounts.Get("mymss-test-bruno"), Accounts.Group("mymss-test"));
        File.SetUnixFileMode(_tmp.Path, (UnixFileMode)0b111_101_101); // others may enter the test's folder (0755)
        Directory.CreateDirectory(Folder);
        Accounts.Exec("chown", $"root:{group}", Folder);
        File.SetUnixFileMode(Folder, (UnixFileMode)0b010_111_111_000); // 2770 root:group, as the package makes it

        CliResult first = Add(ana, group, 1);
        Assert.True(first.ExitCode == 0, first.All);
        // Both technicians at once: the lock serialises accounts as it serialises processes.
        var parallel = new[] { (bruno, 2), (ana, 3), (bruno, 4), (ana, 5) }.AsParallel().Select(x => Add(x.Item1, group, x.Item2)).ToList();
        Assert.All(parallel, r => Assert.True(r.ExitCode == 0, r.All));
        CliResult sudo = Run(null, group, null, new Dictionary<string, string> { ["SUDO_USER"] = "mymss-test-ana" }, "settings", "set", "--frequency", "6");
        Assert.True(sudo.ExitCode == 0, sudo.All);

        CliResult list = Run(bruno, group, null, null, "profiles", "list", "--json");
        Assert.True(list.ExitCode == 0, list.All);
        Assert.Equal([1, 2, 3, 4, 5], JsonDocument.Parse(list.Out).RootElement.EnumerateArray().Select(p => p.GetProperty("code").GetInt32()).Order());

        foreach (string file in Directory.GetFiles(Folder).Where(f => !f.EndsWith("-errors.log", StringComparison.Ordinal)))
        {
            Assert.Equal((UnixFileMode)0b110_110_000, File.GetUnixFileMode(file)); // 0660
            Assert.Equal(group.ToString(), Accounts.Exec("stat", "-c", "%g", file).Trim());
        }

        string audit = Run(ana, group, null, null, "audit").Out;
        Assert.Contains($"root@{Environment.MachineName} (mymss-test-ana)", audit);
        Assert.Contains($"mymss-test-bruno@{Environment.MachineName}  ", audit);

        // Outside the group: refused, one line, exit 4, nothing changed.
        CliResult stranger = Run(new Accounts.Account(65534, 65534), 65534, null, null, "profiles", "list");
        Assert.Equal(4, stranger.ExitCode);
        Assert.Single(stranger.Err.Trim().Split('\n'));
    }
}

/// <summary>Test accounts and a test group, created once on this machine (tests that use them run as root).</summary>
public static class Accounts
{
    public sealed record Account(int Uid, int Gid);

    public static Account Get(string name)
    {
        if (Exec("getent", "passwd", name) is "")
            Exec("useradd", "--system", "--no-create-home", "--user-group", "--shell", "/usr/sbin/nologin", name);
        string[] fields = Exec("getent", "passwd", name).Trim().Split(':');
        return new Account(int.Parse(fields[2]), int.Parse(fields[3]));
    }

    public static int Group(string name)
    {
        if (Exec("getent", "group", name) is "")
            Exec("groupadd", "--system", name);
        return int.Parse(Exec("getent", "group", name).Trim().Split(':')[2]);
    }

    /// <summary>Standard output; "" when the command fails (getent of a missing name exits 2).</summary>
    public static string Exec(string command, params string[] args)
    {
        var psi = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
            psi.ArgumentList.Add(a);
        using Process p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? output : "";
    }
}

/// <summary>Skipped, saying why, unless the tests run as root (CI does): they switch accounts and create test accounts.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
            Skip = "needs root: runs the program as other accounts (setpriv) and creates test accounts (useradd)";
    }
}
