using System.Diagnostics;
using MyMss.Core.Ports;

namespace MyMss.Storage.Tests;

/// <summary>The lock file against another process that holds it (util-linux's flock(1), the same flock(2) .NET takes for FileShare.None).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProcessLockTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_lock_another_process_holds_is_waited_for_then_called_busy_and_taken_once_it_is_let_go()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_db.Path)!);
        string lockFile = _db.Path + ".lock";
        using Process holder = Process.Start(new ProcessStartInfo("flock", ["--exclusive", lockFile, "sh", "-c", "echo held; read line"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true,
        })!;
        Assert.Equal("held", holder.StandardOutput.ReadLine()); // the other process has the lock now

        var waited = Stopwatch.StartNew();
        var e = Assert.Throws<StoreException>(() => ProcessLock.Acquire(_db.Path, TimeSpan.FromMilliseconds(300)));
        Assert.Equal(StoreMessageKeys.Busy, e.MessageKey);
        Assert.True(waited.Elapsed >= TimeSpan.FromMilliseconds(300), "gave up before its time-out");

        holder.StandardInput.WriteLine(); // let go
        Assert.True(holder.WaitForExit(5000));
        using IDisposable taken = ProcessLock.Acquire(_db.Path, TimeSpan.FromSeconds(5));
    }
}
