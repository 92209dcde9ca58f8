using System.Diagnostics;

namespace MyMss.Tui.Tests;

/// <summary>
/// Where the details of an unexpected failure go: never through a link or into a file someone else planted, never
/// into a shared temporary folder under a fixed name (before, /tmp/mymss-errors.log, opened for append as whoever ran).
/// </summary>
public sealed class ErrorLogPlacementTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string State => _tmp.File("state");

    /// <summary>The environment of a user whose XDG_STATE_HOME is this test's own folder.</summary>
    private string? Environment(string name) => name == "XDG_STATE_HOME" ? State : null;

    private static readonly UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Fact]
    public void A_symlink_planted_at_the_log_name_is_not_followed_and_its_target_stays_untouched()
    {
        string target = _tmp.File("precious.txt");
        File.WriteAllText(target, "do not touch\n");
        File.CreateSymbolicLink(_tmp.File(ErrorLog.FileName), target);

        string log = ErrorLog.Write(new InvalidOperationException("boom"), _tmp.File("mymss.db"), Environment);

        Assert.Equal("do not touch\n", File.ReadAllText(target));
        Assert.Equal(Path.Combine(State, "mymss", ErrorLog.FileName), log); // the details went to the user's own folder
        Assert.Contains("boom", File.ReadAllText(log));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(log));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.GetDirectoryName(log)!));
    }

    [Fact]
    public void Without_the_database_folder_the_details_go_to_the_state_folder_never_to_tmp()
    {
        string db = Path.Combine(_tmp.Path, "missing", "mymss.db");
        string log = ErrorLog.Write(new InvalidOperationException("boom"), db, Environment);
        Assert.Equal(Path.Combine(State, "mymss", ErrorLog.FileName), log);
        Assert.Contains("boom", File.ReadAllText(log));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.GetDirectoryName(log)!));
        Assert.NotEqual(Path.TrimEndingDirectorySeparator(Path.GetTempPath()), Path.GetDirectoryName(log));
    }

    [Fact]
    public void Before_the_configuration_is_read_the_details_go_to_the_state_folder()
    {
        Assert.Equal(Path.Combine(State, "mymss", ErrorLog.FileName), ErrorLog.Write(new InvalidOperationException("early"), null, Environment));
        // Without XDG_STATE_HOME: ~/.local/state/mymss.
        string home = _tmp.File("home");
        Directory.CreateDirectory(home);
        string log = ErrorLog.Write(new InvalidOperationException("early"), null, n => n == "HOME" ? home : null);
        Assert.Equal(Path.Combine(home, ".local", "state", "mymss", ErrorLog.FileName), log);
        Assert.Contains("early", File.ReadAllText(log));
    }

    [Fact]
    public void A_database_in_a_folder_others_can_write_to_logs_in_the_state_folder()
    {
        string shared = _tmp.File("shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, (UnixFileMode)0b1_111_111_111); // drwxrwxrwt, as /tmp
        string log = ErrorLog.Write(new InvalidOperationException("boom"), Path.Combine(shared, "mymss.db"), Environment);
        Assert.Equal(Path.Combine(State, "mymss", ErrorLog.FileName), log);
        Assert.False(File.Exists(Path.Combine(shared, ErrorLog.FileName)));

        // The temporary folder itself, as --db /tmp/mymss.db would give.
        Assert.Equal(Path.Combine(State, "mymss", ErrorLog.FileName), ErrorLog.PathFor(Path.Combine(Path.GetTempPath(), "mymss.db"), Environment));
    }

    [Fact]
    public void A_file_of_another_account_at_the_log_name_is_not_written_to()
    {
        if (System.Environment.UserName != "root")
            return; // only root can give a file away (and only root could write into it regardless of its mode)
        string planted = _tmp.File(ErrorLog.FileName);
        File.WriteAllText(planted, "theirs\n");
        File.SetUnixFileMode(planted, (UnixFileMode)0b110_110_110);
        using (Process chown = Process.Start("chown", ["65534:65534", planted])!)
            chown.WaitForExit();
        string log = ErrorLog.Write(new InvalidOperationException("boom"), _tmp.File("mymss.db"), Environment);
        Assert.Equal("theirs\n", File.ReadAllText(planted));
        Assert.Equal(Path.Combine(State, "mymss", ErrorLog.FileName), log);
    }

    [Fact]
    public void A_hard_link_planted_at_the_log_name_is_not_written_through()
    {
        string target = _tmp.File("precious.txt");
        File.WriteAllText(target, "do not touch\n");
        using (Process ln = Process.Start("ln", [target, _tmp.File(ErrorLog.FileName)])!)
            ln.WaitForExit();
        ErrorLog.Write(new InvalidOperationException("boom"), _tmp.File("mymss.db"), Environment);
        Assert.Equal("do not touch\n", File.ReadAllText(target));
    }
}

/// <summary>The catch-all of Program.cs logs beside the database the configuration named, once it is known.</summary>
public sealed class KnownDatabaseTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void The_host_remembers_the_database_of_its_composition()
    {
        var host = new AppHost();
        Assert.Null(host.DatabasePath); // before: the state folder
        string db = _tmp.File("mymss.db");
        host.Compose(db, null, null);
        Assert.Equal(_tmp.File(ErrorLog.FileName), ErrorLog.PathFor(host.DatabasePath));
    }
}
