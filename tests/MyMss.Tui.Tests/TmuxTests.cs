using System.Diagnostics;
using System.Text.Json;

namespace MyMss.Tui.Tests;

/// <summary>The real program in a real terminal (tmux at 80x24), driven by keys as a technician would.</summary>
public sealed class TmuxTests : IDisposable
{
    private const string Secret = "tmux-Secret-93";
    private readonly TempFolder _tmp = new();
    private readonly string _socket = "mymss-test-" + Guid.NewGuid().ToString("N")[..8];
    private string Db => _tmp.File("mymss.db");

    public void Dispose()
    {
        Tmux("kill-server");
        _tmp.Dispose();
    }

    private string Tmux(params string[] args) => TmuxSession.Run(_socket, args);

    private readonly Dictionary<string, TmuxSession> _sessions = [];

    private void Start(string session, params string[] extra) => StartWith(session, "", extra);

    /// <param name="environment">Assignments put before the program, e.g. "TERM=vt100 NO_COLOR=1".</param>
    private void StartWith(string session, string environment, params string[] extra) =>
        _sessions[session] = new TmuxSession(_socket, session, environment, Db, extra);

    private string Screen(string session) => _sessions[session].Screen();

    private string WaitFor(string session, params string[] texts) => _sessions[session].WaitFor(texts);

    private void Keys(string session, params string[] keys) => _sessions[session].Keys(keys);

    [Fact]
    public void A_profile_created_and_settings_saved_in_the_real_terminal_are_there_after_a_restart()
    {
        Start("first");
        WaitFor("first", "Prima F2");
        Keys("first", "F2");
        WaitFor("first", "Novo perfil de sincronização");
        Keys("first", "Rede interna", "Tab", Secret, "Tab", Secret, "M-1", "127.0.0.1", "Tab", "9001", "F10");
        string created = WaitFor("first", "Perfil 1 criado", "1 · Rede interna");
        Assert.DoesNotContain(Secret, created);

        Keys("first", "BTab", "BTab", "BTab", "12");
        WaitFor("first", "Sincronização *");
        Keys("first", "F10");
        WaitFor("first", "Definições gravadas");
        Keys("first", "Escape"); // a lone Esc never quits
        Thread.Sleep(500);
        Assert.DoesNotContain("EXIT", Screen("first"));
        Keys("first", "C-q");
        WaitFor("first", "EXIT 0");

        Start("second", "--lang", "en");
        WaitFor("second", "Rede interna", "Data update frequency (hours): 12", "Default sync profile:     1 · Rede interna");

        // The terminal grows: the screen follows, key hints on the new last row.
        Tmux("resize-window", "-t", "second", "-x", "100", "-y", "30");
        var clock = Stopwatch.StartNew();
        string[] rows = [];
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            rows = Screen("second").TrimEnd('\n').Split('\n');
            if (rows.Length == 30 && rows[29].Contains("Ctrl+Q") && rows[0].TrimEnd().Length == 100)
                break;
            Thread.Sleep(100);
        }
        Assert.True(rows.Length == 30 && rows[29].Contains("Ctrl+Q") && rows[0].TrimEnd().Length == 100, string.Join('\n', rows));
        Keys("second", "C-q");
        WaitFor("second", "EXIT 0");

        JsonElement p = Assert.Single(JsonDocument.Parse(CliProcess.Run(Db, null, "profiles", "list", "--json").Out).RootElement.EnumerateArray());
        Assert.Equal(("Rede interna", "127.0.0.1", 9001), (p.GetProperty("description").GetString(), p.GetProperty("host").GetString(), p.GetProperty("port").GetInt32()));
    }

    private static readonly string NonAsciiGlyphs = "─│╭╮╰╯┌┐└┘├┤┬┴┼━┃┏┓┗┛┥┝⟦⟧☐☑◉○▼▲█░▖▀∙►◄";

    [Theory]
    [InlineData("xterm-256color", false)]
    [InlineData("xterm", false)]
    [InlineData("screen", false)]
    [InlineData("tmux-256color", false)]
    [InlineData("linux", true)]
    [InlineData("vt100", true)]
    public void The_screen_is_readable_on_each_terminal_type(string term, bool ascii)
    {
        StartWith("t", $"TERM={term} LANG=C.UTF-8");
        string main = WaitFor("t", "Ctrl+Q", "myMSS · BackOffice · Sincronização", "Frequência de atualização de dados (horas): 24", "Prima F2");
        Assert.Equal(ascii, !main.Any(NonAsciiGlyphs.Contains));
        Keys("t", "F2");
        string editor = WaitFor("t", "Novo perfil de sincronização", ascii ? "|Geral|Comunicação|" : "│Geral│Comunicação│", "Servidor (MISCommunicator):", "Testar ligação");
        Assert.Equal(ascii, !editor.Any(NonAsciiGlyphs.Contains));
        string editorKeys = editor.TrimEnd('\n').Split('\n')[^1];
        Assert.Contains("F10  Validar", editorKeys); // the bottom line has the editor's keys, not the main screen's
        Assert.DoesNotContain("Novo", editorKeys);
        Keys("t", "Escape");
        string back = WaitFor("t", "Prima F2", "F2  Novo");
        Assert.Contains("F8  Eliminar", back.TrimEnd('\n').Split('\n')[^1]);
        Keys("t", "C-q");
        WaitFor("t", "EXIT 0");
    }

    [Theory]
    [InlineData("NO_COLOR=1", "")]
    [InlineData("", "--no-color")]
    public void Without_colours_focus_and_selection_stay_visible_in_reverse_video(string environment, string option)
    {
        Assert.Equal(0, CliProcess.Run(Db, Secret + "\n", "profiles", "add", "--code", "1", "--description", "Um", "--host", "h.pt", "--port", "9001", "--password-stdin").ExitCode);
        StartWith("m", $"TERM=xterm-256color {environment}", option);
        WaitFor("m", "Ctrl+Q");
        Thread.Sleep(500);
        string styled = Tmux("capture-pane", "-e", "-p", "-t", "m");
        var sgr = System.Text.RegularExpressions.Regex.Matches(styled, "\u001b\\[([0-9;]*)m").Select(m => m.Groups[1].Value).ToList();
        Assert.DoesNotContain(sgr, code => code.Split(';').Any(p => p is "38" or "48" || (p.Length == 2 && p[0] is '3' or '4' && p[1] is >= '0' and <= '7')));
        Assert.Contains("7", sgr); // reverse video: the focused table row
        Keys("m", "C-q");
        WaitFor("m", "EXIT 0");
    }

    [Fact]
    public void Ascii_can_be_asked_for_on_any_terminal()
    {
        StartWith("a", "TERM=xterm-256color", "--ascii");
        string main = WaitFor("a", "Ctrl+Q", "+------", "Prima F2");
        Assert.DoesNotContain(main, NonAsciiGlyphs.Contains);
        Keys("a", "C-q");
        WaitFor("a", "EXIT 0");
    }
}
