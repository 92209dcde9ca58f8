namespace MyMss.Tui.Hosting;

/// <summary>Whether the program talks to a person at a terminal.</summary>
public static class ConsoleTerminal
{
    /// <summary>
    /// Standard input and output are both terminals. Without that the screen would wait for keys that never come
    /// (`ssh server mymss` without -t, cron, a pipe), so it is refused at once and the commands are offered instead.
    /// </summary>
    public static bool CanShowScreen => !Console.IsInputRedirected && !Console.IsOutputRedirected;
}
