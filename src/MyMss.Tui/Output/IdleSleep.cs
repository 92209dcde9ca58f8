using System.Runtime.InteropServices;
using Terminal.Gui.App;

namespace MyMss.Tui.Output;

/// <summary>
/// Terminal.Gui 2.5.0's main loop runs 25 times a second whether or not anything happens (3-4 % of a core for a
/// screen nobody looks at). This puts it to sleep between events: at the start of each iteration it waits until a
/// key has been queued (<see cref="QuietInput"/>), a timer of the application is due, a timer or an Invoke is added
/// (from any thread), or the terminal is resized (SIGWINCH). After each of those it lets the loop run at its own
/// pace for a moment (<see cref="Busy"/>): Terminal.Gui tells a lone Esc from an escape sequence by waiting 50 ms,
/// and a key's work may take more than one iteration.
/// </summary>
public sealed class IdleSleep : IDisposable
{
    /// <summary>How long the loop runs freely after an event.</summary>
    public static readonly TimeSpan Busy = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// The longest sleep, whatever happens: a safety net should a wake ever be missed, seldom for the same reason as
    /// <see cref="QuietInput.MaxWaitMs"/> (each iteration runs Terminal.Gui's loop code). On Windows, where no signal
    /// says the console was resized (Terminal.Gui looks at its size each iteration), a quarter of a second, so that the
    /// screen follows a resize at once.
    /// </summary>
    public static readonly int MaxSleepMs = OperatingSystem.IsWindows() ? 250 : 10000;

    private readonly AutoResetEvent _wake = new(false);
    private PosixSignalRegistration? _resize;
    private long _busyUntil = Environment.TickCount64 + 1000; // the start: terminal queries and the first frames

    /// <summary>Something happened: run the loop now, and freely for a moment.</summary>
    public void Wake()
    {
        Interlocked.Exchange(ref _busyUntil, Environment.TickCount64 + (long)Busy.TotalMilliseconds);
        _wake.Set();
    }

    /// <summary>Sleeps at the start of every iteration of <paramref name="app"/> while nothing is to be done.</summary>
    public void Install(IApplication app)
    {
        app.TimedEvents!.Added += (_, _) => Wake();
        if (!OperatingSystem.IsWindows())
            _resize = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => Wake());
        app.Iteration += (_, _) => Sleep(app);
    }

    private void Sleep(IApplication app)
    {
        if (Environment.TickCount64 < Interlocked.Read(ref _busyUntil))
            return;
        int wait = MaxSleepMs;
        if (app.TimedEvents is TimedEvents timers && timers.CheckTimers(out int due))
            wait = Math.Min(wait, due);
        if (wait > 0)
            _wake.WaitOne(wait);
    }

    public void Dispose()
    {
        _resize?.Dispose();
        _wake.Dispose();
    }
}
