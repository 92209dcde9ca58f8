using System.Text;
using MyMss.Tui.Hosting;

namespace MyMss.Tui;

/// <summary>
/// Details of unexpected failures go to a file, never to the terminal; messages never carry a password (none is ever
/// passed to an exception). The file is `mymss-errors.log` in a folder no one else can write to — the database's own
/// folder, else the user's state folder ($XDG_STATE_HOME/mymss, ~/.local/state/mymss; %LOCALAPPDATA%\mymss on Windows), created owner-only — never a
/// shared temporary folder, where another account could have planted a link at that name for root to write through.
/// It is opened without following a symlink and used only when it is this user's own file (0600).
/// </summary>
public static class ErrorLog
{
    public const string FileName = "mymss-errors.log";

    /// <summary>Where the details of a failure would go: the first place tried.</summary>
    public static string PathFor(string? databasePath, Func<string, string?>? environment = null) =>
        Candidates(databasePath, environment ?? Environment.GetEnvironmentVariable).FirstOrDefault() ?? FileName;

    /// <summary>Appends the failure to the log; returns the file written, or the first place tried if none could be.</summary>
    /// <param name="databasePath">The run's database, when known (null: before the configuration was read).</param>
    /// <param name="environment">Reads XDG_STATE_HOME and HOME (tests give their own).</param>
    public static string Write(Exception e, string? databasePath, Func<string, string?>? environment = null)
    {
        List<string> candidates = Candidates(databasePath, environment ?? Environment.GetEnvironmentVariable).ToList();
        byte[] entry = Encoding.UTF8.GetBytes($"{DateTime.UtcNow:O} {e}{Environment.NewLine}");
        foreach (string path in candidates)
        {
            try
            {
                using FileStream? stream = PrivateFiles.OpenToAppend(path);
                if (stream is null)
                    continue; // a link, someone else's file: the next place
                stream.Write(entry);
                return path;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Full disk or the like: the next place, else the one-line message is all the user gets.
            }
        }
        return candidates.FirstOrDefault() ?? FileName;
    }

    /// <summary>The database's folder when it exists and only this user can write to it, then the user's state folder.</summary>
    private static IEnumerable<string> Candidates(string? databasePath, Func<string, string?> environment)
    {
        if (databasePath is not null)
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(databasePath));
            if (folder is not null && PrivateFiles.IsPrivateFolder(folder))
                yield return Path.Combine(folder, FileName);
        }
        if (StateFolder(environment) is string state)
            yield return Path.Combine(PrivateFiles.PrivateFolder(state) ?? state, FileName);
    }

    /// <summary>
    /// $XDG_STATE_HOME/mymss (an absolute path only, as the XDG specification says), else ~/.local/state/mymss; on
    /// Windows %LOCALAPPDATA%\mymss.
    /// </summary>
    public static string? StateFolder(Func<string, string?> environment)
    {
        if (OperatingSystem.IsWindows())
        {
            string? local = environment("LOCALAPPDATA");
            if (string.IsNullOrEmpty(local))
                local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return Path.IsPathRooted(local) ? Path.Combine(local, "mymss") : null;
        }
        string? xdg = environment("XDG_STATE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, "mymss");
        string? home = environment("HOME");
        if (string.IsNullOrEmpty(home))
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile); // the password database's entry
        return Path.IsPathRooted(home) ? Path.Combine(home, ".local", "state", "mymss") : null;
    }
}
