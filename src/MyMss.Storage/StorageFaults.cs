using MyMss.Core.Ports;

namespace MyMss.Storage;

/// <summary>What a failed write or sync of the database files means to the technician.</summary>
internal static class StorageFaults
{
    // On Unix .NET puts the errno in IOException.HResult; on Windows the low word is the Win32 error.
    private const int Enospc = 28, Edquot = 122;
    private const int ErrorHandleDiskFull = 0x27, ErrorDiskFull = 0x70;

    public static bool IsDiskFull(Exception e) => e is IOException io && (OperatingSystem.IsWindows()
        ? (io.HResult & 0xFFFF) is ErrorHandleDiskFull or ErrorDiskFull
        : io.HResult is Enospc or Edquot);

    /// <summary>The store's error for the first fault of a unit of work that therefore changed nothing.</summary>
    public static StoreException ToStoreException(IOException fault, string dataPath) => fault switch
    {
        LogBeyondDataException beyond => new StoreException(StoreMessageKeys.DamagedLog, beyond.LogPath, fault),
        _ when IsDiskFull(fault) => new StoreException(StoreMessageKeys.DiskFull, dataPath, fault),
        _ => new StoreException(StoreMessageKeys.WriteFailed, dataPath, fault),
    };
}
