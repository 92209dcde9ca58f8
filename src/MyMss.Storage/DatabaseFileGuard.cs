using System.Text;
using MyMss.Core.Ports;

namespace MyMss.Storage;

/// <summary>
/// Looks at a path before LiteDB may touch it. LiteDB silently overwrites or truncates files it
/// does not recognise, so anything that is not already a LiteDB data file (or absent/empty) is refused here.
/// </summary>
public static class DatabaseFileGuard
{
    public const int PageSize = 8192;
    private const int HeaderOffset = 32;
    private static readonly byte[] HeaderMagic = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>Refuses a path that is a folder or a file that is not a LiteDB database, without creating or changing anything.</summary>
    public static void Inspect(string path)
    {
        if (Directory.Exists(path))
            throw new StoreException(StoreMessageKeys.IsDirectory, path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > 0)
            Check(path, info.Length);
    }

    /// <summary>Returns true when the file exists with content (an existing database), false when it was absent and is now created empty with mode 0600.</summary>
    public static bool Prepare(string path)
    {
        Inspect(path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > 0)
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
        if (read < header.Length || length < PageSize || length % PageSize != 0 || !header.AsSpan(HeaderOffset).SequenceEqual(HeaderMagic))
            throw new StoreException(StoreMessageKeys.NotADatabase, path);
    }

    public static void EnsureFolder(string path)
    {
        string? parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (string.IsNullOrEmpty(parent) || Directory.Exists(parent))
            return;
        try
        {
            Directory.CreateDirectory(parent);
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
            using var _ = new FileStream(path, OwnerOnly(FileMode.CreateNew, FileShare.ReadWrite));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it in the meantime: it is theirs to initialise.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new StoreException(StoreMessageKeys.CannotCreate, path, e);
        }
    }

    /// <summary>Options for a file readable and writable by its owner only (mode 0600 on Unix).</summary>
    public static FileStreamOptions OwnerOnly(FileMode mode, FileShare share, FileAccess access = FileAccess.ReadWrite)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }
}
