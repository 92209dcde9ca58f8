namespace MyMss.Tui;

/// <summary>
/// Details of unexpected failures go to a file, never to the terminal. The file is created 0600 (0660 beside a database shared with a group);
/// messages never carry a password (none is ever passed to an exception).
/// </summary>
public static class ErrorLog
{
    public static string PathFor(string? databasePath)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(databasePath ?? "data/mymss.db")) ?? ".";
        return Path.Combine(Directory.Exists(dir) ? dir : Path.GetTempPath(), "mymss-errors.log");
    }

    public static string Write(Exception e, string? databasePath)
    {
        string path = PathFor(databasePath);
        try
        {
            using var stream = new FileStream(path, Storage.FilePermissions.DatabaseFileOptions(path, FileMode.Append, FileShare.ReadWrite, FileAccess.Write));
            using var writer = new StreamWriter(stream);
            writer.WriteLine($"{DateTime.UtcNow:O} {e}");
        }
        catch (Exception)
        {
            // Nowhere to write: the one-line message on screen is all the user gets.
        }
        return path;
    }
}
