using System.Runtime.InteropServices;

namespace MyMss.Storage;

/// <summary>
/// Who may read the files mymss creates. By default only their owner (mode 0600, and a umask of 077 for anything else
/// the process creates). A database in a folder shared with a group — set-group-ID and read/write/search for the group,
/// as the package makes /var/lib/mymss (2770 root:mymss) — is shared with that group instead: its data file, log, lock,
/// backups and error log are created 0660, and the set-group-ID folder gives them its group, so every technician in the
/// group (and root, under sudo) works on the same files. Exports stay owner-only wherever they are written.
/// </summary>
public static partial class FilePermissions
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode SharedWithGroup = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;
    private const UnixFileMode SharedFolderBits = UnixFileMode.SetGroup | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute;
    private const uint OwnerOnlyMask = 0b000_111_111; // 077
    private const uint GroupMask = 0b000_000_111;     // 007

    private static int _groupAllowed;

    public static void RestrictNewFilesToOwner()
    {
        if (!OperatingSystem.IsWindows())
            _ = umask(OwnerOnlyMask);
    }

    /// <summary>Whether <paramref name="folder"/> is shared with its group: set-group-ID and group rwx (e.g. 2770).</summary>
    public static bool IsSharedFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
            return false;
        try
        {
            return (File.GetUnixFileMode(folder) & SharedFolderBits) == SharedFolderBits;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The mode of a new database file at <paramref name="path"/>: 0660 in a shared folder, 0600 elsewhere.</summary>
    public static UnixFileMode ForDatabaseFile(string path) =>
        IsSharedFolder(Path.GetDirectoryName(Path.GetFullPath(path))!) ? SharedWithGroup : OwnerOnly;

    /// <summary>
    /// Opens a database file (data, log, lock, backup, error log); if this creates it, it is created with
    /// <see cref="ForDatabaseFile"/>'s mode — on Windows with <see cref="WindowsAccess"/>'s list, the group's entry included.
    /// </summary>
    public static FileStream OpenDatabaseFile(string path, FileMode mode, FileShare share, FileAccess access = FileAccess.ReadWrite, int bufferSize = 4096)
    {
        if (OperatingSystem.IsWindows())
            return WindowsAccess.Open(path, mode, share, access, bufferSize, shared: true);
        UnixFileMode fileMode = ForDatabaseFile(path);
        if (fileMode == SharedWithGroup)
            AllowGroupBits();
        return new FileStream(path, new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = bufferSize, UnixCreateMode = fileMode });
    }

    /// <summary>Opens a file that, if this creates it, is readable and writable by its owner only, wherever it is (an export holds password hashes).</summary>
    public static FileStream OpenOwnerOnly(string path, FileMode mode, FileShare share, FileAccess access = FileAccess.ReadWrite, int bufferSize = 4096)
    {
        if (OperatingSystem.IsWindows())
            return WindowsAccess.Open(path, mode, share, access, bufferSize, shared: false);
        return new FileStream(path, new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = bufferSize, UnixCreateMode = OwnerOnly });
    }

    /// <summary>
    /// Creates a folder for a database, with its missing parents: under the umask (0700) on Unix; on Windows with
    /// <see cref="WindowsAccess"/>'s list, the group's entry included, handed down to the files created in it.
    /// </summary>
    public static void CreateDatabaseFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
            WindowsAccess.CreateFolder(folder, shared: true);
        else
            Directory.CreateDirectory(folder);
    }

    /// <summary>Creates a folder, with its missing parents, that only this user can enter (0700; on Windows, <see cref="WindowsAccess"/>'s owner-only list).</summary>
    public static void CreatePrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
            WindowsAccess.CreateFolder(folder, shared: false);
        else
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>
    /// A create mode is masked by the umask: 0660 under 077 would still be 0600. Once this process works in a shared
    /// folder, the umask keeps group bits (007); every file mymss creates names its mode, so nothing else widens.
    /// </summary>
    private static void AllowGroupBits()
    {
        if (Interlocked.Exchange(ref _groupAllowed, 1) == 0)
            _ = umask(GroupMask);
    }

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint umask(uint mask);
}
