using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using MyMss.Storage;

namespace MyMss.Tui.Hosting;

/// <summary>
/// Files of this OS user that the program writes outside the database (the error log, drafts), in folders where
/// someone else might have planted something at the same name: a file is opened without following a symlink
/// (O_NOFOLLOW), and used only if it is a regular file of this user with no other name (a planted hard link).
/// Created 0600. On Windows, files and folders are created with an owner-only access list (<see cref="FilePermissions"/>).
/// </summary>
public static partial class PrivateFiles
{
    /// <summary>
    /// A folder only this user (or root) can write to: its owner is this user or root, and neither its group nor
    /// others may write in it. Shared folders (/tmp, a folder several technicians share) are not.
    /// </summary>
    public static bool IsPrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
            return Directory.Exists(folder);
        if (Stat(AtFdCwd, folder, 0, out FileStatus status) != 0 || (status.Mode & SIfMt) != SIfDir)
            return false;
        return (status.Uid == geteuid() || status.Uid == 0) && (status.Mode & 0b000_010_010) == 0;
    }

    /// <summary>
    /// The folder, created (with any missing parents) readable by this user only; null when it cannot be made or is
    /// not private (see <see cref="IsPrivateFolder"/>).
    /// </summary>
    public static string? PrivateFolder(string folder)
    {
        try
        {
            FilePermissions.CreatePrivateFolder(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
        return IsPrivateFolder(folder) ? folder : null;
    }

    /// <summary>Opens <paramref name="path"/> to append to it, creating it; null when it is not a file of this user or cannot be opened.</summary>
    public static FileStream? OpenToAppend(string path) => Open(path, OWrOnly | OCreat | OAppend, FileAccess.Write);

    /// <summary>Creates <paramref name="path"/>, which must not exist yet (a temporary name); null when it cannot.</summary>
    public static FileStream? CreateNew(string path) => Open(path, OWrOnly | OCreat | OExcl, FileAccess.Write);

    /// <summary>Opens <paramref name="path"/> to read it; null when it does not exist, is not a file of this user, or cannot be read.</summary>
    public static FileStream? OpenToRead(string path) => Open(path, ORdOnly, FileAccess.Read);

    /// <summary>
    /// Takes an exclusive lock on an open file without waiting (flock(2); LockFileEx on Windows): false when another
    /// process holds it. The kernel releases it when the process ends, however it ends (even SIGKILL).
    /// </summary>
    public static bool TryLock(FileStream file)
    {
        if (!OperatingSystem.IsWindows())
            return flock((int)file.SafeFileHandle.DangerousGetHandle(), LockEx | LockNb) == 0;
        try
        {
            // LockFileEx on one byte far past the end (the content stays readable); Windows too releases it when the process ends.
            file.Lock(WindowsLockOffset, 1);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private const long WindowsLockOffset = 1L << 62;

    private static FileStream? Open(string path, int flags, FileAccess access)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                FileMode mode = (flags & OExcl) != 0 ? FileMode.CreateNew : (flags & OCreat) != 0 ? FileMode.Append : FileMode.Open;
                return FilePermissions.OpenOwnerOnly(path, mode, FileShare.ReadWrite, access);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
        int fd = open(path, flags | ONoFollow | OCloExec, 0b110_000_000);
        if (fd < 0)
            return null; // ELOOP: a symlink; EACCES: someone else's file; ENOENT: none
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (Stat(fd, "", AtEmptyPath, out FileStatus status) != 0 || (status.Mode & SIfMt) != SIfReg || status.Uid != geteuid() || status.Links != 1)
        {
            handle.Dispose(); // root can open anyone's file: only its own is used
            return null;
        }
        try
        {
            var stream = new FileStream(handle, access, bufferSize: 0);
            if ((flags & OAppend) != 0)
                stream.Seek(0, SeekOrigin.End);
            return stream;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            handle.Dispose();
            return null;
        }
    }

    private readonly record struct FileStatus(uint Mode, uint Uid, uint Links);

    /// <summary>statx(2): its structure is the same on every architecture, unlike stat(2)'s.</summary>
    private static unsafe int Stat(int dirFd, string path, int flags, out FileStatus status)
    {
        byte* buffer = stackalloc byte[256];
        int result = statx(dirFd, path, flags, StatxBasicStats, buffer);
        status = result != 0 ? default : new FileStatus(*(ushort*)(buffer + 28), *(uint*)(buffer + 20), *(uint*)(buffer + 16));
        return result;
    }

    // open(2) flags of Linux. O_NOFOLLOW is 0400000 on x86 and the generic ABI (x64, RISC-V, s390x, LoongArch),
    // 0100000 on ARM and PowerPC.
    private const int ORdOnly = 0, OWrOnly = 1, OCreat = 0x40, OExcl = 0x80, OAppend = 0x400, OCloExec = 0x80000;
    private static readonly int ONoFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64 or Architecture.Ppc64le ? 0x8000 : 0x20000;
    private const int AtFdCwd = -100, AtEmptyPath = 0x1000, StatxBasicStats = 0x7ff;
    private const uint SIfMt = 0xF000, SIfReg = 0x8000, SIfDir = 0x4000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int statx(int dirFd, string path, int flags, int mask, byte* buffer);

    private const int LockEx = 2, LockNb = 4;

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint geteuid();
}
