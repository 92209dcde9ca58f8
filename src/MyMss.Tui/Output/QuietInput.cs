using System.Runtime.InteropServices;
using Terminal.Gui.Drivers;

namespace MyMss.Tui.Output;

/// <summary>
/// Terminal.Gui's ANSI input, which looks for a key every 20 ms whether or not one came, made to wait in poll(2)
/// until a key arrives (or <see cref="Wake"/> is called, or ten seconds have passed) — a console left open on a
/// shared server then costs nothing while nobody types. After what it read has been queued, it tells
/// <paramref name="received"/>, so the main loop (<see cref="IdleSleep"/>) wakes for it. Unix only; elsewhere, and
/// when Terminal.Gui runs without real I/O (tests), it is Terminal.Gui's own input.
/// </summary>
public sealed unsafe partial class QuietInput : AnsiInput
{
    /// <summary>
    /// The longest wait, a safety net: Terminal.Gui's stop wakes the wait itself (<see cref="Wake"/>, from the output's
    /// disposal). Seldom: every wake runs Terminal.Gui's input code, and under the JIT a method run 30 times is compiled
    /// again, optimised, on a background thread — waking each second, that was 3–4 ‰ of a core in the first minute of
    /// an idle screen (bench/run), waking each ten seconds it is under 1 ‰.
    /// </summary>
    public const int MaxWaitMs = 10000;

    private readonly Action _received;
    private readonly Action? _terminalGone;
    private readonly int _wakeRead = -1, _wakeWrite = -1;
    private bool _readSome;

    /// <param name="terminalGone">Told once when the terminal hangs up (see <see cref="TerminalHungUp"/>).</param>
    public QuietInput(Action received, Action? terminalGone = null)
    {
        _received = received;
        _terminalGone = terminalGone;
        if (OperatingSystem.IsWindows() || Environment.GetEnvironmentVariable("DisableRealDriverIO") == "1")
            return;
        int* fds = stackalloc int[2];
        if (Pipe(fds) == 0)
        {
            _wakeRead = fds[0];
            _wakeWrite = fds[1];
        }
    }

    public override bool Peek()
    {
        if (_wakeRead >= 0 && TerminalHungUp())
            return false;
        if (base.Peek())
            return _readSome = true;
        if (_readSome)
        {
            _readSome = false;
            _received(); // what was read is in Terminal.Gui's queue now
        }
        if (_wakeRead < 0)
            return false;
        var fds = stackalloc PollFd[2];
        fds[0] = new PollFd { Fd = 0, Events = PollIn };
        fds[1] = new PollFd { Fd = _wakeRead, Events = PollIn };
        if (Poll(fds, 2, MaxWaitMs) > 0 && (fds[1].Revents & PollIn) != 0)
        {
            byte* drain = stackalloc byte[64];
            _ = Read(_wakeRead, drain, 64);
        }
        return base.Peek() && (_readSome = true);
    }

    private bool _hungUp;

    /// <summary>
    /// The terminal is gone (the SSH link dropped, the terminal emulator closed): poll(2) reports a hang-up on standard
    /// input. Terminal.Gui's input would then find input "available" and read nothing, for ever, at full speed on a
    /// core — and the process is not always sent SIGHUP (only the session leader is; a shell started with -c does not
    /// pass it on; nohup ignores it). So <c>hungUp</c> is told, once, and this thread then waits only for <see cref="Wake"/>.
    /// </summary>
    private bool TerminalHungUp()
    {
        if (!_hungUp)
        {
            var stdin = new PollFd { Fd = 0, Events = PollIn };
            if (Poll(&stdin, 1, 0) <= 0 || (stdin.Revents & (PollHup | PollErr | PollNval)) == 0)
                return false;
            _hungUp = true;
            _terminalGone?.Invoke();
        }
        var wake = new PollFd { Fd = _wakeRead, Events = PollIn };
        if (Poll(&wake, 1, MaxWaitMs) > 0 && (wake.Revents & PollIn) != 0)
        {
            byte* drain = stackalloc byte[64];
            _ = Read(_wakeRead, drain, 64);
        }
        return true;
    }

    public override IEnumerable<char> Read() => Translated(string.Concat(base.Read()));

    /// <summary>What the program makes of one read before Terminal.Gui parses it: the Linux console's F1-F5 in the form Terminal.Gui knows.</summary>
    public static string Translated(string read) => LinuxConsoleKeys.Translate(read);

    /// <summary>Ends a wait at once (Terminal.Gui is stopping).</summary>
    public void Wake()
    {
        if (_wakeWrite < 0)
            return;
        byte one = 1;
        _ = Write(_wakeWrite, &one, 1);
    }

    public override void Dispose()
    {
        base.Dispose();
        if (_wakeRead >= 0)
        {
            _ = Close(_wakeRead);
            _ = Close(_wakeWrite);
        }
    }

    private const short PollIn = 1, PollErr = 8, PollHup = 16, PollNval = 32;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "pipe", SetLastError = true)]
    private static partial int Pipe(int* fds);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
