using System.Diagnostics;
using MyMss.Core.Ports;

namespace MyMss.Storage;

/// <summary>
/// An exclusive lock shared by every process using one database: an OS file lock (flock on Unix,
/// released by the kernel if the holder dies, even with SIGKILL) on a "&lt;database&gt;.lock" file beside it.
/// LiteDB's direct mode takes no lock of its own, and two writers would corrupt or lose data.
/// </summary>
public static class ProcessLock
{
    public static IDisposable Acquire(string databasePath, TimeSpan timeout)
    {
        string lockPath = databasePath + ".lock";
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return FilePermissions.OpenDatabaseFile(lockPath, FileMode.OpenOrCreate, FileShare.None);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new StoreException(StoreMessageKeys.CannotOpen, databasePath, e);
            }
            catch (DirectoryNotFoundException e)
            {
                throw new StoreException(StoreMessageKeys.CannotCreate, databasePath, e);
            }
            catch (IOException e) when (StorageFaults.IsDiskFull(e))
            {
                throw new StoreException(StoreMessageKeys.DiskFull, databasePath, e); // no room for the lock file: waiting will not help
            }
            catch (IOException e)
            {
                if (clock.Elapsed > timeout)
                    throw new StoreException(StoreMessageKeys.Busy, databasePath, e);
                Thread.Sleep(5);
            }
        }
    }
}
