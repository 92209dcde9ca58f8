using System.Drawing;
using System.Text;
using CsCheck;
using MyMss.Tui.Output;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using TgAttribute = Terminal.Gui.Drawing.Attribute;
using TgColor = Terminal.Gui.Drawing.Color;

namespace MyMss.Tui.Tests;

/// <summary>
/// What the mirror sends, replayed on <see cref="VirtualTerminal"/>, must give exactly the frame Terminal.Gui drew
/// (text and attributes, cell by cell) and the cursor it asked for; and an unchanged frame must cost nothing.
/// </summary>
public sealed class ScreenMirrorTests
{
    private static readonly string[] Glyphs = [" ", " ", " ", "a", "b", "─", "é", "│"];

    private static readonly TgAttribute[] Attributes =
    [
        new(TgColor.None, TgColor.None, TextStyle.None),
        new(new TgColor(255, 255, 255), new TgColor(0, 0, 128), TextStyle.None),
        new(new TgColor(0, 0, 0), new TgColor(0, 0, 128), TextStyle.None),
        new(TgColor.None, TgColor.None, TextStyle.Reverse),
        new(new TgColor(0, 128, 0), TgColor.None, TextStyle.Bold | TextStyle.Underline),
        new(TgColor.None, new TgColor(170, 0, 0), TextStyle.Faint),
        new(new TgColor(0, 0, 0), new TgColor(0, 0, 128), TextStyle.Bold | TextStyle.Faint | TextStyle.Italic),
        new(new TgColor(0, 0, 0), new TgColor(0, 0, 128), TextStyle.Bold | TextStyle.Reverse | TextStyle.Strikethrough | TextStyle.Blink),
    ];

    private sealed record Frame(int Rows, int Cols, int[] Glyph, int[] Attr, Cursor Cursor);

    /// <summary>Rows made of runs of one glyph and attribute, as screens are (blank runs long enough to erase).</summary>
    private static Gen<Frame> FrameOf(int rows, int cols) =>
        Gen.Select(
            Gen.Select(Gen.Int[0, Glyphs.Length - 1], Gen.Int[0, Attributes.Length - 1], Gen.Int[1, 14]).Array[rows * cols],
            Gen.Int[0, 3],
            Gen.Int[0, rows - 1], Gen.Int[0, cols - 1],
            (runs, cursorKind, y, x) =>
            {
                int[] glyph = new int[rows * cols], attr = new int[rows * cols];
                int run = 0;
                for (int r = 0; r < rows; r++)
                    for (int c = 0; c < cols; run++)
                        for (int k = 0; k < runs[run].Item3 && c < cols; k++, c++)
                            (glyph[r * cols + c], attr[r * cols + c]) = (runs[run].Item1, runs[run].Item2);
                return new Frame(rows, cols, glyph, attr, cursorKind switch
                {
                    0 => new Cursor(),
                    1 => new Cursor { Position = new Point(x, y), Style = CursorStyle.BlinkingBar },
                    _ => new Cursor { Position = new Point(x, y), Style = CursorStyle.Default },
                });
            });

    /// <summary>Frames of one size that differ from the previous one here and there, as real screens do.</summary>
    private static readonly Gen<(ColorDepth Depth, bool Bce, Frame[] Frames)> Sessions =
        Gen.Select(Gen.Enum<ColorDepth>(), Gen.Bool, Gen.Int[1, 6], Gen.Int[1, 30], Gen.Int[1, 5])
            .SelectMany(t => Gen.Select(FrameOf(t.Item3, t.Item4).Array[t.Item5],
                Gen.Double[0, 1].Array[t.Item5], Gen.Int[1, 6], Gen.Int[1, 30],
                (frames, sameness, rows2, cols2) =>
                {
                    // Keep most cells of the previous frame (small diffs), then one resize at the end.
                    for (int k = 1; k < frames.Length; k++)
                        for (int i = 0; i < frames[k].Glyph.Length; i++)
                            if ((i * 7919 % 100) / 100.0 < sameness[k])
                            {
                                frames[k].Glyph[i] = frames[k - 1].Glyph[i];
                                frames[k].Attr[i] = frames[k - 1].Attr[i];
                            }
                    return (t.Item1, t.Item2, frames.Append(FrameOf(rows2, cols2).Single()).ToArray());
                }));

    private static OutputBufferImpl Buffer(Frame f)
    {
        var b = new OutputBufferImpl();
        b.SetSize(f.Cols, f.Rows);
        for (int r = 0; r < f.Rows; r++)
            for (int c = 0; c < f.Cols; c++)
                b.Contents![r, c] = new Cell(Attributes[f.Attr[r * f.Cols + c]], true, Glyphs[f.Glyph[r * f.Cols + c]]);
        return b;
    }

    private static string Expected(TgAttribute a, ColorDepth depth)
    {
        int style = 0;
        foreach ((TextStyle flag, int code) in new[] { (TextStyle.Bold, 1), (TextStyle.Faint, 2), (TextStyle.Italic, 3), (TextStyle.Underline, 4), (TextStyle.Blink, 5), (TextStyle.Reverse, 7), (TextStyle.Strikethrough, 9) })
            if (a.Style.HasFlag(flag))
                style |= 1 << code;
        string Colour(TgColor c, bool fg) =>
            c == TgColor.None ? "default"
            : depth switch
            {
                ColorDepth.Ansi16 => "ansi" + ColorDepths.Ansi16Code(c),
                ColorDepth.Palette256 => "idx" + ColorDepths.Palette256Index(c),
                _ => $"rgb({c.R},{c.G},{c.B})",
            };
        return VirtualTerminal.LookOf(style, Colour(a.Foreground, true), Colour(a.Background, false));
    }

    /// <summary>Replays one session and checks every frame; returns the bytes each frame cost.</summary>
    private static List<string> Replay(ColorDepth depth, bool bce, IReadOnlyList<Frame> frames)
    {
        var mirror = new ScreenMirror(depth, bce);
        VirtualTerminal? vt = null;
        var sent = new List<string>();
        foreach (Frame f in frames)
        {
            if (vt is null)
                vt = new VirtualTerminal(f.Rows, f.Cols);
            else if (vt.Rows != f.Rows || vt.Cols != f.Cols)
                vt = vt.Resized(f.Rows, f.Cols);
            var bytes = new StringBuilder();
            mirror.SetCursor(new Cursor { Position = null, Style = CursorStyle.Default }, bytes); // as Refresh() does
            mirror.Render(Buffer(f), bytes);
            mirror.SetCursor(f.Cursor, bytes);
            string wire = bytes.ToString();
            sent.Add(wire);
            vt.Feed(wire);

            string Where(int r, int c) => $"cell ({r},{c}) after {VirtualTerminal.Show(wire)}";
            for (int r = 0; r < f.Rows; r++)
                for (int c = 0; c < f.Cols; c++)
                {
                    string glyph = Glyphs[f.Glyph[r * f.Cols + c]];
                    TgAttribute attr = Attributes[f.Attr[r * f.Cols + c]];
                    Assert.True(glyph == vt.Text[r, c], $"text {Where(r, c)}: '{vt.Text[r, c]}' instead of '{glyph}'");
                    string want = Expected(attr, depth);
                    string got = vt.Look[r, c];
                    if (glyph == " " && got.StartsWith("0|default|", StringComparison.Ordinal)
                        && (attr.Style & ~(TextStyle.Bold | TextStyle.Faint | TextStyle.Italic)) == TextStyle.None)
                        want = "0|default|" + want.Split('|')[2]; // an erased blank looks the same: only its background shows
                    Assert.True(want == got, $"look {Where(r, c)}: {got} instead of {want}");
                }
            Assert.Equal(0, vt.Scrolls);
            Assert.Equal(f.Cursor.IsVisible, vt.CursorShown);
            if (f.Cursor.IsVisible)
                Assert.Equal((f.Cursor.Position!.Value.Y, f.Cursor.Position.Value.X), (vt.Row, vt.Col));
        }
        return sent;
    }

    [Fact]
    public void The_terminal_ends_up_showing_every_frame_exactly_as_drawn() =>
        Sessions.Sample(s => { Replay(s.Depth, s.Bce, s.Frames); }, iter: 3000);

    [Fact]
    public void An_unchanged_frame_and_an_unchanged_cursor_send_nothing() =>
        Sessions.Sample(s =>
        {
            Frame last = s.Frames[^1];
            List<string> sent = Replay(s.Depth, s.Bce, [.. s.Frames, last, last]);
            Assert.Equal("", sent[^1]);
            Assert.Equal("", sent[^2]);
        }, iter: 500);

    [Fact]
    public void One_changed_character_costs_the_character_and_a_short_move()
    {
        var screen = new Frame(24, 80, new int[24 * 80], Enumerable.Repeat(1, 24 * 80).ToArray(), new Cursor { Position = new Point(10, 5), Style = CursorStyle.Default });
        int[] typed = (int[])screen.Glyph.Clone();
        typed[5 * 80 + 10] = 3; // "a" where the cursor was
        var after = screen with { Glyph = typed, Cursor = new Cursor { Position = new Point(11, 5), Style = CursorStyle.Default } };
        List<string> sent = Replay(ColorDepth.TrueColor, true, [screen, after]);
        Assert.Equal("a", sent[1]); // the cursor was on that cell and the attribute is current: one byte
    }

    [Fact]
    public void The_next_row_start_is_reached_with_cr_lf()
    {
        var screen = new Frame(24, 80, new int[24 * 80], Enumerable.Repeat(1, 24 * 80).ToArray(), new Cursor { Position = new Point(11, 5), Style = CursorStyle.Default });
        int[] changed = (int[])screen.Glyph.Clone();
        changed[5 * 80 + 10] = 3;
        changed[6 * 80 + 0] = 3;
        var after = screen with { Glyph = changed, Cursor = new Cursor { Position = new Point(1, 6), Style = CursorStyle.Default } };
        List<string> sent = Replay(ColorDepth.TrueColor, true, [screen, after]);
        Assert.Equal("\ba\r\na", sent[1]); // not "\e[B\r" (4 bytes) nor "\e[7H" for the second cell
    }

    [Fact]
    public void A_mirror_that_forgets_redraws_everything()
    {
        var mirror = new ScreenMirror();
        var frame = new Frame(3, 5, Enumerable.Repeat(3, 15).ToArray(), new int[15], new Cursor { Position = new Point(1, 1), Style = CursorStyle.Default });
        var first = new StringBuilder();
        mirror.Render(Buffer(frame), first);
        mirror.SetCursor(frame.Cursor, first);
        mirror.Forget(); // e.g. something else wrote "\e[2J\e[?25l"
        var again = new StringBuilder();
        mirror.Render(Buffer(frame), again);
        var vt = new VirtualTerminal(3, 5);
        vt.Feed(again.ToString());
        Assert.Equal("aaaaa", string.Concat(Enumerable.Range(0, 5).Select(c => vt.Text[2, c])));
        Assert.True(vt.CursorShown); // shown again: the mirror no longer assumes it is
        Assert.Equal((1, 1), (vt.Row, vt.Col));
    }
}
