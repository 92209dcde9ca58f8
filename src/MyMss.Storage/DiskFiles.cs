using System.Runtime.InteropServices;

namespace MyMss.Storage;

/// <summary>
/// Opens the files under LiteDB's streams: the seam where tests put files that fail or lose power. A stream it returns
/// must reach the disk on <see cref="Stream.Flush()"/> (fsync), as a creation must survive a power cut once it returns.
/// </summary>
internal interface IFileOpener
{
    /// <summary>The file for reading and writing, created (owner-only, or for the group in a shared folder) when <paramref name="create"/>; null when it does not exist and may not be created.</summary>
    Stream? Open(string path, bool create);
}

/// <summary>The real files: unbuffered (each write is one system call), Flush is fsync, and a new file's folder entry is synced too.</summary>
internal sealed partial class DiskFiles : IFileOpener
{
    public static readonly DiskFiles Instance = new();

    public Stream? Open(string path, bool create)
    {
        bool existed = File.Exists(path);
        if (!existed && !create)
            return null;
        FileStream file;
        try
        {
            file = create
                ? FilePermissions.OpenDatabaseFile(path, FileMode.OpenOrCreate, FileShare.ReadWrite, bufferSize: 0)
                : new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        }
        catch (FileNotFoundException) when (!create)
        {
            return null;
        }
        if (!existed)
        {
            try
            {
                SyncFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }
        return new SyncedFile(file);
    }

    /// <summary>Makes a file's creation or removal in <paramref name="folder"/> durable: POSIX asks for an fsync of the folder itself.</summary>
    public static void SyncFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
            return;
        int fd = open(folder, 0 /* O_RDONLY */);
        if (fd < 0)
            return; // a folder that cannot be opened for reading cannot be synced; the files in it still can
        try
        {
            if (fsync(fd) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno != Einval) // some file systems cannot sync a folder at all
                    throw new IOException($"fsync {folder}: errno {errno}", errno);
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    private const int Einval = 22;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int close(int fd);

    /// <summary>A file whose Flush is Flush(flushToDisk: true).</summary>
    private sealed class SyncedFile(FileStream file) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => true;
        public override long Length => file.Length;
        public override long Position { get => file.Position; set => file.Position = value; }
        public override void Flush() => file.Flush(flushToDisk: true);
        public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);
        public override void SetLength(long value) => file.SetLength(value);
        public override void Write(byte[] buffer, int offset, int count) => file.Write(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                file.Dispose();
            base.Dispose(disposing);
        }
    }
}
