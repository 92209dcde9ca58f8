using MyMss.Tui.Output;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Tests;

/// <summary>
/// How the screen draws, decided from a snapshot of the terminal's facts. Wine's console is not a real Windows console,
/// so the Windows choices are covered here, by the decision alone, with the facts a Windows console would give.
/// </summary>
public sealed class TerminalTraitsTests
{
    /// <summary>"refused", or the choices: mono, ascii, 16|256|24bit, erase (each word present or not).</summary>
    private static TerminalTraits Expected(string words)
    {
        string[] w = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        ColorDepth depth = w.Contains("24bit") ? ColorDepth.TrueColor : w.Contains("256") ? ColorDepth.Palette256 : ColorDepth.Ansi16;
        return new(!w.Contains("refused"), w.Contains("mono"), w.Contains("ascii"), depth, w.Contains("erase"));
    }

    private static void AssertDecides(string expected, TerminalFacts facts, bool noColor = false, bool ascii = false)
    {
        TerminalTraits traits = TerminalTraits.Decide(facts, noColor, ascii);
        if (expected == "refused")
            Assert.False(traits.CanShow);
        else
            Assert.Equal(Expected(expected), traits);
    }

    // ---------------------------------------------------------------- Linux: as terminfo programs decide it

    [Theory]
    [InlineData("xterm-256color", null, "pt_PT.UTF-8", "256 erase")]
    [InlineData("xterm-256color", "truecolor", "pt_PT.UTF-8", "24bit erase")]
    [InlineData("xterm", "24bit", "C.UTF-8", "24bit erase")]
    [InlineData("xterm-direct", null, "C.UTF-8", "24bit erase")]
    [InlineData("xterm-kitty", null, "C.UTF-8", "24bit erase")]
    [InlineData("foot-extra", null, "C.UTF-8", "24bit erase")]
    [InlineData("tmux-256color", null, "en_US.utf8", "256 erase")]
    [InlineData("screen-256color", null, "C.UTF-8", "256")]            // screen: no ECH/bce
    [InlineData("screen", null, "C.UTF-8", "16")]
    [InlineData("xterm", null, "C.UTF-8", "16 erase")]
    [InlineData("putty", null, "C.UTF-8", "16 erase")]
    [InlineData("linux", null, "C.UTF-8", "ascii 16 erase")]          // the console's fonts lack the marks
    [InlineData("vt100", null, "C.UTF-8", "mono ascii 16")]
    [InlineData("vt220", null, "C.UTF-8", "mono ascii 16")]
    [InlineData("dumb", null, "C.UTF-8", "mono ascii 16")]
    [InlineData("ansi", null, "C.UTF-8", "mono ascii 16")]
    [InlineData("cons25", null, "C.UTF-8", "mono ascii 16")]
    [InlineData("xterm-256color", null, null, "ascii 256 erase")]     // no locale: POSIX, ASCII
    [InlineData("xterm-256color", null, "pt_PT.ISO-8859-1", "ascii 256 erase")]
    [InlineData(null, null, "C.UTF-8", "16")]
    [InlineData("", "yes", "C.UTF-8", "16")]
    public void On_Linux_TERM_COLORTERM_and_the_locale_decide(string? term, string? colorTerm, string? lang, string expected) =>
        AssertDecides(expected, new TerminalFacts { Term = term, ColorTerm = colorTerm, Lang = lang });

    [Theory]
    [InlineData("C", null, "pt_PT.UTF-8", "ascii 256 erase")]        // LC_ALL first
    [InlineData("", "pt_PT.UTF-8", "C", "256 erase")]                 // an empty one does not count
    [InlineData(null, "POSIX", "pt_PT.UTF-8", "ascii 256 erase")]     // then LC_CTYPE
    public void The_locale_is_LC_ALL_then_LC_CTYPE_then_LANG(string? lcAll, string? lcCtype, string? lang, string expected) =>
        AssertDecides(expected, new TerminalFacts { Term = "xterm-256color", LcAll = lcAll, LcCtype = lcCtype, Lang = lang });

    [Fact]
    public void NO_COLOR_and_the_options_apply_on_Linux()
    {
        var utf8 = new TerminalFacts { Term = "xterm-256color", Lang = "C.UTF-8" };
        AssertDecides("mono 256 erase", utf8 with { NoColor = "1" });
        AssertDecides("256 erase", utf8 with { NoColor = "" });          // present but empty: no-color.org says ignore it
        AssertDecides("mono 256 erase", utf8, noColor: true);
        AssertDecides("ascii 256 erase", utf8, ascii: true);
    }

    [Fact]
    public void On_Linux_Windows_Terminals_variable_changes_nothing() =>
        // WSL inside Windows Terminal passes WT_SESSION on; the Linux rules still decide.
        AssertDecides("256 erase", new TerminalFacts { Term = "xterm-256color", Lang = "C.UTF-8", WtSession = "e1d171d9" });

    // ---------------------------------------------------------------- Windows: the console's answers, then the environment

    private const int Windows11 = 22631, Server2022 = 20348, Windows10_1809 = 17763, Server2016 = 14393;

    private static TerminalFacts OnWindows(bool vt = true, int codePage = 65001, int build = Windows11, string? wt = null, string? term = null, string? colorTerm = null) =>
        new() { Windows = new WindowsConsoleFacts(vt, codePage, build), WtSession = wt, Term = term, ColorTerm = colorTerm };

    [Fact]
    public void Windows_Terminal_has_24_bit_colour_and_Unicode_lines() =>
        AssertDecides("24bit erase", OnWindows(wt: "e1d171d9-4739-4cd0-b086-50d729f39631"));

    [Fact]
    public void Windows_Terminal_under_a_TERM_of_its_own_shell_still_has_24_bit() =>
        // Git Bash inside Windows Terminal sets TERM=xterm-256color.
        AssertDecides("24bit erase", OnWindows(wt: "e1d171d9", term: "xterm-256color"));

    [Fact]
    public void The_console_with_VT_has_24_bit_colour_since_Windows_10_1703()
    {
        AssertDecides("24bit erase", OnWindows(build: Windows10_1809));
        AssertDecides("24bit erase", OnWindows(build: TerminalTraits.TrueColorConsoleBuild));
        AssertDecides("16 erase", OnWindows(build: Server2016));        // VT, but 16 colours
    }

    [Fact]
    public void Without_the_UTF8_code_page_lines_are_ASCII()
    {
        AssertDecides("ascii 24bit erase", OnWindows(codePage: 437));
        AssertDecides("ascii 24bit erase", OnWindows(codePage: 850, wt: "e1d171d9"));
        AssertDecides("ascii 24bit erase", OnWindows(codePage: 1252, build: Server2022));
    }

    [Fact]
    public void A_legacy_console_without_VT_is_refused()
    {
        AssertDecides("refused", OnWindows(vt: false, codePage: 437, build: 9600));          // Windows 8.1
        AssertDecides("refused", OnWindows(vt: false, codePage: 437, build: Windows11));     // "Use legacy console"
        AssertDecides("refused", OnWindows(vt: false, wt: "e1d171d9", term: "xterm-256color"));
        Assert.True(TerminalTraits.Decide(OnWindows()).CanShow);
    }

    /// <summary>Windows' OpenSSH server gives the session the client's TERM (and no locale): the Linux rules on TERM and COLORTERM, the code page for the lines.</summary>
    [Theory]
    [InlineData("xterm-256color", null, 65001, "256 erase")]
    [InlineData("xterm-256color", "truecolor", 65001, "24bit erase")]
    [InlineData("xterm", null, 65001, "16 erase")]
    [InlineData("screen", null, 65001, "16 erase")]            // conhost interprets what is sent, ECH included
    [InlineData("linux", null, 65001, "ascii 16 erase")]
    [InlineData("vt100", null, 65001, "mono ascii 16 erase")]
    [InlineData("xterm-256color", null, 437, "ascii 256 erase")]
    public void Through_OpenSSH_the_clients_TERM_decides_the_colours(string term, string? colorTerm, int codePage, string expected) =>
        AssertDecides(expected, OnWindows(codePage: codePage, build: Server2022, term: term, colorTerm: colorTerm));

    [Fact]
    public void NO_COLOR_and_the_options_apply_on_Windows()
    {
        AssertDecides("mono 24bit erase", OnWindows(wt: "e1d171d9") with { NoColor = "1" });
        AssertDecides("mono 24bit erase", OnWindows(), noColor: true);
        AssertDecides("ascii 24bit erase", OnWindows(), ascii: true);
    }

    [Fact]
    public void On_Windows_the_locale_does_not_count() =>
        // No LANG on Windows: the code page says what the console decodes.
        AssertDecides("ascii 24bit erase", OnWindows(codePage: 437) with { Lang = "pt_PT.UTF-8" });

    [Theory]
    [InlineData("pt")]
    [InlineData("en")]
    public void The_refusal_names_the_alternatives_and_the_commands(string language)
    {
        string line = new Strings(language)[TextKey.Cli_ScreenNeedsVirtualTerminal];
        Assert.Contains("Windows Terminal", line);
        Assert.Contains("OpenSSH", line);
        Assert.Contains("mymss --help", line);
        Assert.DoesNotContain("\n", line);
    }
}
