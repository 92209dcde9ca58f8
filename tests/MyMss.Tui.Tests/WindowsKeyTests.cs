using System.Collections.Concurrent;
using MyMss.Tui.Output;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using MyMss.Tui.Screens.Keys;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Time;

namespace MyMss.Tui.Tests;

/// <summary>
/// The keys as the Windows console (conhost, and Windows Terminal through ConPTY) sends them in VT input mode, which
/// Terminal.Gui's ANSI driver turns on: xterm's sequences, per Microsoft's "Console Virtual Terminal Sequences". They go
/// through what the program's input does to each read and then Terminal.Gui's own parser, headless.
/// </summary>
public sealed class WindowsKeyTests
{
    /// <summary>The keys Terminal.Gui makes of <paramref name="bytes"/>, read at once, after the wait that tells Esc from Alt.</summary>
    private static List<Key> Parse(string bytes)
    {
        var time = new VirtualTimeProvider();
        var queue = new ConcurrentQueue<char>();
        using var processor = new AnsiInputProcessor(queue, time);
        var keys = new List<Key>();
        processor.KeyDown += (_, k) => keys.Add(k);
        foreach (char c in QuietInput.Translated(bytes))
            queue.Enqueue(c);
        processor.ProcessQueue();
        time.Advance(TimeSpan.FromMilliseconds(200));
        processor.ProcessQueue();
        return keys;
    }

    public static TheoryData<string, Key> Sequences => new()
    {
        { "\u001bOP", Key.F1 }, { "\u001bOQ", Key.F2 }, { "\u001bOR", Key.F3 }, { "\u001bOS", Key.F4 },
        { "\u001b[15~", Key.F5 }, { "\u001b[17~", Key.F6 }, { "\u001b[18~", Key.F7 }, { "\u001b[19~", Key.F8 },
        { "\u001b[20~", Key.F9 }, { "\u001b[21~", Key.F10 }, { "\u001b[23~", Key.F11 }, { "\u001b[24~", Key.F12 },
        // Modifiers: 1 + Shift 1 + Alt 2 + Ctrl 4.
        { "\u001b[1;3P", Key.F1.WithAlt }, { "\u001b[1;5P", Key.F1.WithCtrl }, { "\u001b[1;2Q", Key.F2.WithShift },
        { "\u001b[1;3S", Key.F4.WithAlt }, { "\u001b[15;5~", Key.F5.WithCtrl }, { "\u001b[15;3~", Key.F5.WithAlt },
        { "\u001b[17;2~", Key.F6.WithShift }, { "\u001b[21;5~", Key.F10.WithCtrl }, { "\u001b[21;3~", Key.F10.WithAlt },
        { "\u001b[24;7~", Key.F12.WithCtrl.WithAlt },
        // Alt+letter as ESC letter; Ctrl+letter as its control character.
        { "\u001bn", Key.N.WithAlt }, { "\u001ba", Key.A.WithAlt }, { "\u001bs", Key.S.WithAlt }, { "\u001b1", Key.D1.WithAlt },
        { "\u0013", Key.S.WithCtrl }, { "\u0011", Key.Q.WithCtrl }, { "\u0006", Key.F.WithCtrl }, { "\u000c", Key.L.WithCtrl },
        { "\u001b[6;5~", Key.PageDown.WithCtrl }, { "\u001b[5;5~", Key.PageUp.WithCtrl }, { "\u001b[Z", Key.Tab.WithShift },
        { "\u001b[3~", Key.Delete }, { "\r", Key.Enter }, { "\t", Key.Tab }, { "\u001b", Key.Esc },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void What_Windows_sends_becomes_the_key(string bytes, Key expected) =>
        Assert.Equal([expected], Parse(bytes));

    /// <summary>Microsoft's table of input sequences, for the keys the screens bind (kept apart from Terminal.Gui's own encoder on purpose).</summary>
    private static string WindowsSends(Key key)
    {
        int modifiers = 1 + (key.IsShift ? 1 : 0) + (key.IsAlt ? 2 : 0) + (key.IsCtrl ? 4 : 0);
        KeyCode bare = key.KeyCode & ~(KeyCode.ShiftMask | KeyCode.AltMask | KeyCode.CtrlMask);
        string Tilde(int n) => modifiers == 1 ? $"\u001b[{n}~" : $"\u001b[{n};{modifiers}~";
        string Ss3(char c) => modifiers == 1 ? $"\u001bO{c}" : $"\u001b[1;{modifiers}{c}";
        string Cursor(char c) => modifiers == 1 ? $"\u001b[{c}" : $"\u001b[1;{modifiers}{c}";
        int[] fTilde = [15, 17, 18, 19, 20, 21, 23, 24];
        return bare switch
        {
            >= KeyCode.F1 and <= KeyCode.F4 => Ss3((char)('P' + (bare - KeyCode.F1))),
            >= KeyCode.F5 and <= KeyCode.F12 => Tilde(fTilde[bare - KeyCode.F5]),
            KeyCode.PageUp => Tilde(5),
            KeyCode.PageDown => Tilde(6),
            KeyCode.Delete => Tilde(3),
            KeyCode.CursorUp => Cursor('A'),
            KeyCode.CursorDown => Cursor('B'),
            KeyCode.Tab => key.IsShift ? "\u001b[Z" : "\t",
            KeyCode.Enter => "\r",
            KeyCode.Esc => "\u001b",
            >= KeyCode.A and <= KeyCode.Z when key.IsCtrl => ((char)(bare - KeyCode.A + 1)).ToString(),
            >= KeyCode.A and <= KeyCode.Z => (key.IsAlt ? "\u001b" : "") + (char)('a' + (bare - KeyCode.A)),
            >= KeyCode.D0 and <= KeyCode.D9 => (key.IsAlt ? "\u001b" : "") + (char)bare,
            _ when !key.IsCtrl && !key.IsAlt => ((char)bare).ToString(), // '?', '/'
            _ => throw new ArgumentException($"no Windows sequence known for {key}"),
        };
    }

    /// <summary>
    /// Every key of every screen, in both languages (the Alt twins follow the labels), arrives as that key: a new
    /// binding Windows would send in a form Terminal.Gui does not read fails here.
    /// </summary>
    [Theory]
    [InlineData("pt")]
    [InlineData("en")]
    public void Every_key_the_screens_bind_arrives_from_a_Windows_console(string language)
    {
        var s = new Strings(language);
        IKeyTable[] tables = [MainScreen.Keybindings, ProfileEditor.Keybindings, TextDialog.Keybindings, HistoryDialog.Keybindings, CommonKeys.Keybindings];
        List<Key> bound = [.. tables.SelectMany(t => t.Bindings).SelectMany(b => b.KeysIn(s)).Select(k => k.Key).Distinct()];
        Assert.Contains(Key.F10, bound);
        Assert.Contains(Key.S.WithCtrl, bound);
        Assert.Contains(bound, k => k.IsAlt);
        foreach (Key key in bound)
            Assert.True(Parse(WindowsSends(key)) is [var got] && got == key, $"{key} sent as {Printable(WindowsSends(key))} became {string.Join(", ", Parse(WindowsSends(key)))}");
    }

    private static string Printable(string bytes) => bytes.Replace("\u001b", "ESC ", StringComparison.Ordinal);
}
