namespace MyMss.Tui.Output;

/// <summary>
/// What the Windows console said when asked (see <see cref="WindowsConsoleProbe.Ask"/>): nothing of it can be learned from
/// the environment, which on Windows normally has neither TERM nor a locale.
/// </summary>
/// <param name="VirtualTerminal">ENABLE_VIRTUAL_TERMINAL_PROCESSING could be set on the console's output: false on a
/// legacy console (before Windows 10, or "Use legacy console"), which would print the screen's sequences as text.</param>
/// <param name="OutputCodePage">The output code page after asking for UTF-8 (65001) at start (Hosting/Utf8Console).</param>
/// <param name="Build">Windows' build number (15063 is Windows 10 1703).</param>
public sealed record WindowsConsoleFacts(bool VirtualTerminal, int OutputCodePage, int Build);

/// <summary>Everything the screen's choices depend on, read once at start: a snapshot, so that the choices are a pure function of it.</summary>
public sealed record TerminalFacts
{
    public string? Term { get; init; }
    public string? ColorTerm { get; init; }
    public string? NoColor { get; init; }
    public string? LcAll { get; init; }
    public string? LcCtype { get; init; }
    public string? Lang { get; init; }

    /// <summary>Set by Windows Terminal in every session it starts.</summary>
    public string? WtSession { get; init; }

    /// <summary>Null except on Windows.</summary>
    public WindowsConsoleFacts? Windows { get; init; }

    /// <summary>The process's environment, with what the Windows console said (null elsewhere).</summary>
    public static TerminalFacts FromEnvironment(WindowsConsoleFacts? windows = null) => new()
    {
        Term = Environment.GetEnvironmentVariable("TERM"),
        ColorTerm = Environment.GetEnvironmentVariable("COLORTERM"),
        NoColor = Environment.GetEnvironmentVariable("NO_COLOR"),
        LcAll = Environment.GetEnvironmentVariable("LC_ALL"),
        LcCtype = Environment.GetEnvironmentVariable("LC_CTYPE"),
        Lang = Environment.GetEnvironmentVariable("LANG"),
        WtSession = Environment.GetEnvironmentVariable("WT_SESSION"),
        Windows = windows,
    };
}

/// <summary>
/// How the screen draws on this terminal. <see cref="Decide"/> is the one place these choices are made, for Linux and
/// Windows alike.
/// </summary>
/// <param name="CanShow">False: the screen would be garbage here (a Windows console without VT output); one line says so instead.</param>
/// <param name="Monochrome">No colour codes at all: NO_COLOR, --no-color or a VT100-class terminal.</param>
/// <param name="Ascii">Lines, boxes and marks in ASCII only.</param>
/// <param name="Depth">The colours the terminal has.</param>
/// <param name="XtermErase">ECH and erases in the current background colour ("bce") may be sent; see <see cref="ScreenMirror"/>.</param>
public sealed record TerminalTraits(bool CanShow, bool Monochrome, bool Ascii, ColorDepth Depth, bool XtermErase)
{
    /// <summary>The first Windows build whose console shows 24-bit colour (Windows 10 1703; it came with Insider build 14931).</summary>
    public const int TrueColorConsoleBuild = 15063;

    /// <summary>The UTF-8 code page.</summary>
    public const int Utf8CodePage = 65001;

    /// <summary>
    /// Linux (no <see cref="TerminalFacts.Windows"/>): everything from TERM, COLORTERM and the locale, as terminfo
    /// programs decide it. Windows: the console's own answers first — no VT output, no screen; Unicode lines only on
    /// the UTF-8 code page — then Windows Terminal (24-bit), a TERM that came with the session (an SSH client's, through
    /// Windows' OpenSSH server: the Linux rules), and the console itself (24-bit from Windows 10 1703, 16 colours before).
    /// </summary>
    public static TerminalTraits Decide(TerminalFacts facts, bool noColor = false, bool ascii = false)
    {
        string term = facts.Term ?? "";
        bool vtClass = term is "dumb" or "ansi" or "cons25" || term.StartsWith("vt", StringComparison.Ordinal);
        bool monochrome = noColor || !string.IsNullOrEmpty(facts.NoColor) || vtClass;
        // VT100-class terminals and the Linux console (its 256/512-glyph fonts have the light box lines but not
        // ⟦ ⟧ ☐ ☑ ◉ ▖ ╭) get ASCII wherever they are; a Linux TERM may come to Windows through SSH.
        bool glyphsLacking = ascii || vtClass || term == "linux";
        if (facts.Windows is not { } console)
            return new(CanShow: true, monochrome, glyphsLacking || !Utf8Locale(facts), ColorDepths.Of(term, facts.ColorTerm), ErasesLikeXterm(term));

        // Every byte goes through the console's VT interpreter (conhost, also under ConPTY for Windows Terminal and
        // SSH sessions), which has ECH and erases in the current colours whatever terminal is at the other end.
        return new(console.VirtualTerminal, monochrome, glyphsLacking || console.OutputCodePage != Utf8CodePage, WindowsDepth(facts, console), XtermErase: true);
    }

    private static ColorDepth WindowsDepth(TerminalFacts facts, WindowsConsoleFacts console)
    {
        if (!string.IsNullOrEmpty(facts.WtSession))
            return ColorDepth.TrueColor;
        if (!string.IsNullOrEmpty(facts.Term))
            return ColorDepths.Of(facts.Term, facts.ColorTerm);
        // The console itself: 24-bit since Windows 10 1703; before (Windows Server 2016) it shows 16 colours, and the
        // theme's roles are kept apart at 16 rather than merged by the console's own rounding.
        return console.Build >= TrueColorConsoleBuild ? ColorDepth.TrueColor : ColorDepth.Ansi16;
    }

    /// <summary>The locale (LC_ALL > LC_CTYPE > LANG, the first non-empty) is UTF-8; none set is the POSIX locale: ASCII.</summary>
    private static bool Utf8Locale(TerminalFacts facts)
    {
        string? locale = new[] { facts.LcAll, facts.LcCtype, facts.Lang }.FirstOrDefault(v => !string.IsNullOrEmpty(v));
        return locale is not null
            && (locale.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || locale.Contains("utf8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// TERM names a family with ECH and bce, so a blank run can be sent as one short sequence; elsewhere (a VT100)
    /// blank runs are sent as spaces, except a default-coloured tail of a line (EL).
    /// </summary>
    private static bool ErasesLikeXterm(string term) =>
        new[] { "xterm", "tmux", "linux", "rxvt", "vte", "alacritty", "kitty", "foot", "wezterm", "konsole", "putty" }
            .Any(t => term.StartsWith(t, StringComparison.Ordinal));
}
