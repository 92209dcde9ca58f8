using System.Runtime.InteropServices;

namespace MyMss.Tui.Hosting;

/// <summary>
/// SIGTERM, SIGINT, SIGHUP and SIGQUIT while the screen runs. Their default action kills the process where it stands,
/// leaving the shell in the alternate screen with the cursor hidden and mouse reporting on. As ncurses programs do, the
/// first one is taken over instead: <paramref name="received"/> is told (from the signal's thread), the screen stops
/// through Terminal.Gui's own shutdown, which gives the terminal back, and the program exits 128 + the signal's number.
/// A second signal is left to its default action, should the stop itself ever hang.
/// </summary>
public sealed class TerminationSignals : IDisposable
{
    private readonly Action _received;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _number;

    public TerminationSignals(Action received)
    {
        _received = received;
        if (OperatingSystem.IsWindows())
            return;
        foreach (var (signal, number) in new[] { (PosixSignal.SIGHUP, SigHup), (PosixSignal.SIGINT, 2), (PosixSignal.SIGQUIT, 3), (PosixSignal.SIGTERM, 15) })
            _registrations.Add(PosixSignalRegistration.Create(signal, context => Handle(context, number)));
    }

    /// <summary>The number of the signal that asked the program to stop (1 SIGHUP, 2 SIGINT, 3 SIGQUIT, 15 SIGTERM), or null.</summary>
    public int? Number => Volatile.Read(ref _number) is int n and > 0 ? n : null;

    /// <summary>The exit code a shell expects of a program a signal ended: 128 + its number.</summary>
    public int? ExitCode => Number is int n ? 128 + n : null;

    /// <summary>The terminal hung up without a SIGHUP reaching the program: stop as if it had come.</summary>
    public void TerminalGone() => Stop(SigHup);

    private void Handle(PosixSignalContext context, int number)
    {
        if (Stop(number))
            context.Cancel = true; // else the second: its default action
    }

    private bool Stop(int number)
    {
        if (Interlocked.CompareExchange(ref _number, number, 0) != 0)
            return false;
        _received();
        return true;
    }

    private const int SigHup = 1;

    public void Dispose()
    {
        foreach (PosixSignalRegistration r in _registrations)
            r.Dispose();
    }
}
