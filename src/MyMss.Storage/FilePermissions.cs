using System.Runtime.InteropServices;

namespace MyMss.Storage;

/// <summary>Makes every file the process creates (database, its log, exports, logs) readable by its owner only.</summary>
public static partial class FilePermissions
{
    public static void RestrictNewFilesToOwner()
    {
        if (!OperatingSystem.IsWindows())
            _ = umask(0b000_111_111); // 077
    }

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint umask(uint mask);
}
