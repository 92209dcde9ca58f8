using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace MyMss.Tui.Output;

/// <summary>
/// Asks the Windows console what <see cref="TerminalTraits.Decide"/> needs: whether VT output can be switched on, and
/// the output code page (UTF-8 was asked for when mymss started: <see cref="Hosting.Utf8Console"/>). The console mode
/// it changes to learn that, it puts back.
/// </summary>
[SupportedOSPlatform("windows")]
public static partial class WindowsConsoleProbe
{
    private const int StdOutputHandle = -11;
    private const uint EnableProcessedOutput = 0x0001, EnableVirtualTerminalProcessing = 0x0004;

    public static WindowsConsoleFacts Ask()
    {
        bool vt = CanEnableVirtualTerminal(GetStdHandle(StdOutputHandle));
        // UTF-8 was asked for at start (Hosting/Utf8Console, given back at the end): what the console answered.
        int codePage = (int)GetConsoleOutputCP();
        return new(vt, codePage, Environment.OSVersion.Version.Build);
    }

    /// <summary>
    /// Sets ENABLE_VIRTUAL_TERMINAL_PROCESSING (with ENABLE_PROCESSED_OUTPUT, as Terminal.Gui does), looks whether it
    /// held, and gives the console its mode back: Terminal.Gui sets it again, and restores what it found on leaving.
    /// A legacy console (Windows 7/8.1, or Windows 10's "Use legacy console") refuses the flag.
    /// </summary>
    private static bool CanEnableVirtualTerminal(nint output)
    {
        if (output == 0 || output == -1 || GetConsoleMode(output, out uint original) == 0)
            return false;
        if ((original & EnableVirtualTerminalProcessing) != 0)
            return true;
        if (SetConsoleMode(output, original | EnableVirtualTerminalProcessing | EnableProcessedOutput) == 0)
            return false;
        bool held = GetConsoleMode(output, out uint now) != 0 && (now & EnableVirtualTerminalProcessing) != 0;
        _ = SetConsoleMode(output, original);
        return held;
    }

    [LibraryImport("kernel32.dll", SetLastError = true)]
    private static partial nint GetStdHandle(int handle);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    private static partial int GetConsoleMode(nint handle, out uint mode);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    private static partial int SetConsoleMode(nint handle, uint mode);

    [LibraryImport("kernel32.dll")]
    private static partial uint GetConsoleOutputCP();
}
