using System.Text;
using MyMss.Core.Ports;

namespace MyMss.Storage;

/// <summary>
/// Looks at a path before LiteDB may touch it. LiteDB silently overwrites or truncates files it
/// does not recognise, so anything that is not already a LiteDB data file (or absent/empty) is refused here;
/// so is a write-ahead log LiteDB did not write (<see cref="WriteAheadLog"/>).
/// </summary>
public static class DatabaseFileGuard
{
    public const int PageSize = 8192;
    internal const int HeaderOffset = 32;
    private static readonly byte[] HeaderMagic = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>Whether a page starts with LiteDB's header page signature (at byte <see cref="HeaderOffset"/>).</summary>
    internal static bool HasSignature(ReadOnlySpan<byte> page) =>
        page.Length >= HeaderOffset + HeaderMagic.Length && page.Slice(HeaderOffset, HeaderMagic.Length).SequenceEqual(HeaderMagic);

    /// <summary>Refuses a path that is a folder or a file that is not a LiteDB database, without creating or changing anything.</summary>
    public static void Inspect(string path)
    {
        if (Directory.Exists(path))
            throw new StoreException(StoreMessageKeys.IsDirectory, path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > 0)
            Check(path, info.Length);
    }

    /// <summary>
    /// Under the lock: refuses a log LiteDB did not write, completes a data file whose last page a failed or interrupted
    /// write left partial (<see cref="RepairTornTail"/>), and creates an absent file empty with mode 0600 (0660 in a folder
    /// shared with a group, see <see cref="FilePermissions"/>). Returns true when the file is an existing database;
    /// <paramref name="backup"/> is the copy made before a repair, if any.
    /// </summary>
    public static bool Prepare(string path, out string? backup)
    {
        backup = null;
        Inspect(path);
        var info = new FileInfo(path);
        long length = info.Exists ? info.Length : 0;
        IReadOnlySet<uint> logged = WriteAheadLog.Inspect(WriteAheadLog.PathOf(path), length / PageSize);
        if (length % PageSize != 0)
            backup = RepairTornTail(path, length, logged);
        if (length > 0)
            return true;
        if (!info.Exists)
            CreateEmpty(path);
        return false;
    }

    /// <summary>Reads the header first, so that an unreadable file is reported as unreadable, not as foreign.</summary>
    private static void Check(string path, long length)
    {
        var header = new byte[HeaderOffset + HeaderMagic.Length];
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(StoreMessageKeys.CannotOpen, path, e);
        }
        if (read < header.Length || length < PageSize || !HasSignature(header))
            throw new StoreException(StoreMessageKeys.NotADatabase, path);
        // A partial last page is a page write cut short (a full disk, a power cut during a checkpoint), which only the
        // log can complete; without a log the file was cut by something else, and is left as it is.
        if (length % PageSize != 0 && !File.Exists(WriteAheadLog.PathOf(path)))
            throw new StoreException(StoreMessageKeys.NotADatabase, path);
    }

    /// <summary>
    /// A LiteDB file whose last page is partial: the page a checkpoint was appending when the disk filled up or the power
    /// went. The log still holds that page (it is emptied only after the data file is synced), so the file is copied aside
    /// (beside it, with the mode of a new database file), cut to whole pages, and LiteDB applies the log again. A partial page the log does not
    /// hold is not ours to cut.
    /// </summary>
    private static string RepairTornTail(string path, long length, IReadOnlySet<uint> logged)
    {
        if (!logged.Contains((uint)(length / PageSize)))
            throw new StoreException(StoreMessageKeys.NotADatabase, path);
        string backup = CopyAside(path, $"{path}.torn-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}.bak");
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            file.SetLength(length - length % PageSize);
            file.Flush(flushToDisk: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(StorageFaults.IsDiskFull(e) ? StoreMessageKeys.DiskFull : StoreMessageKeys.CannotOpen, path, e);
        }
        return backup;
    }

    /// <summary>Copies a database, as it is, to <paramref name="backup"/> beside it (mode as a new database file, synced); a failed copy leaves nothing behind.</summary>
    internal static string CopyAside(string path, string backup)
    {
        FileStream copy;
        try
        {
            copy = FilePermissions.OpenDatabaseFile(backup, FileMode.CreateNew, FileShare.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CopyFailed(path, backup, e);
        }
        try
        {
            using (copy)
            using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                source.CopyTo(copy);
                copy.Flush(flushToDisk: true);
            }
            return backup;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(backup);
            throw CopyFailed(path, backup, e);
        }
    }

    private static StoreException CopyFailed(string path, string backup, Exception e) =>
        StorageFaults.IsDiskFull(e) ? new(StoreMessageKeys.DiskFull, path, e) : new(StoreMessageKeys.CannotCreate, backup, e);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>True only when the path is known not to exist (File.Exists is also false for a file the account may not see).</summary>
    public static bool IsSurelyMissing(string path)
    {
        try
        {
            _ = File.GetAttributes(path);
            return false;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Refuses a path one of whose folders is a file (it could never be created), without creating anything.</summary>
    public static void InspectFolders(string path)
    {
        for (string? folder = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(folder))
                return;
            if (File.Exists(folder))
                throw new StoreException(StoreMessageKeys.CannotCreate, path, new IOException($"{folder}: not a folder"));
        }
    }

    public static void EnsureFolder(string path)
    {
        string? parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (string.IsNullOrEmpty(parent) || Directory.Exists(parent))
            return;
        try
        {
            FilePermissions.CreateDatabaseFolder(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new StoreException(StoreMessageKeys.CannotCreate, path, e);
        }
    }

    private static void CreateEmpty(string path)
    {
        try
        {
            using (FilePermissions.OpenDatabaseFile(path, FileMode.CreateNew, FileShare.ReadWrite))
            {
            }
            DiskFiles.SyncFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it in the meantime: it is theirs to initialise.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new StoreException(StorageFaults.IsDiskFull(e) ? StoreMessageKeys.DiskFull : StoreMessageKeys.CannotCreate, path, e);
        }
    }
}
