using System.Globalization;
using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Text;
using TgAttribute = Terminal.Gui.Drawing.Attribute;

namespace MyMss.Tui.Output;

/// <summary>
/// Remembers what the terminal shows (every cell, the cursor, the current SGR) and turns the frame
/// Terminal.Gui means to show into the fewest bytes that get the terminal there: only cells that
/// differ, the shortest cursor moves, SGR only when the attribute changes, cursor show/hide/style
/// only on change, and nothing at all when nothing changed. Pure: it writes into a StringBuilder.
/// </summary>
public sealed class ScreenMirror
{
    private const string Csi = "\u001b[";
    private const int Unknown = -1;

    private int _rows, _cols;
    private string?[,] _text = new string?[0, 0];   // null: unknown (never drawn, forgotten, or the right half of a wide glyph)
    private TgAttribute[,] _attr = new TgAttribute[0, 0];
    private int _row = Unknown, _col = Unknown;     // where the terminal's cursor is
    private TgAttribute? _sgr;                      // the terminal's current attribute; null: unknown
    private bool? _cursorShown;
    private CursorStyle? _cursorStyle;
    private Cursor _wanted = new();

    /// <param name="depth">How colours are sent: the terminal's palette of 16 or 256, or 24-bit.</param>
    /// <param name="xtermErase">The terminal has ECMA-48's "erase characters" (ECH) and fills erased cells with the
    /// current background (xterm's "bce"), as xterm, tmux, the Linux console and their kin do; a VT100 has neither.</param>
    public ScreenMirror(ColorDepth depth = ColorDepth.TrueColor, bool xtermErase = true)
    {
        Depth = depth;
        XtermErase = xtermErase;
    }

    /// <summary>What the terminal can show; <see cref="Force16Colors"/> (Terminal.Gui's own setting) lowers it to 16.</summary>
    public ColorDepth Depth { get; }

    public bool Force16Colors { get; set; }
    public bool XtermErase { get; }

    /// <summary>Something unknown reached the terminal: assume nothing about it.</summary>
    public void Forget()
    {
        _rows = 0;
        _cols = 0;
        _text = new string?[0, 0];
        _attr = new TgAttribute[0, 0];
        _row = _col = Unknown;
        _sgr = null;
        _cursorShown = null;
        _cursorStyle = null;
    }

    public Cursor Cursor => _wanted;

    /// <summary>Writes what differs between <paramref name="buffer"/> and the terminal, then puts the cursor where it is wanted.</summary>
    public void Render(IOutputBuffer buffer, StringBuilder output)
    {
        Cell[,]? contents = buffer.Contents;
        if (contents is null)
            return;
        int rows = Math.Min(buffer.Rows, contents.GetLength(0));
        int cols = Math.Min(buffer.Cols, contents.GetLength(1));
        if (rows != _rows || cols != _cols)
            Resize(rows, cols);

        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                ref Cell cell = ref contents[r, c];
                cell.IsDirty = false;
                string text = Glyph(cell);
                TgAttribute attr = cell.Attribute ?? _sgr ?? default;
                if (_text[r, c] == text && _attr[r, c] == attr)
                    continue;
                int blanks = Erasable(contents, r, c, cols, attr);
                int changed = blanks;
                while (changed > 0 && _text[r, c + changed - 1] == " " && _attr[r, c + changed - 1] == attr)
                    changed--; // the run's tail the terminal already shows needs no bytes
                if (blanks == cols - c && changed > 3)
                {
                    Erase(r, c, blanks, attr, Csi + "K", contents, output); // erase to end of line
                    break;
                }
                if (XtermErase && changed > 8) // then "\e[nX" and a move past the run cost less than the blanks
                {
                    Erase(r, c, changed, attr, Csi + changed.ToString(CultureInfo.InvariantCulture) + "X", contents, output); // the cursor stays
                    c += changed - 1;
                    continue;
                }
                MoveTo(r, c, contents, output);
                SetAttribute(attr, output);
                output.Append(text);
                _text[r, c] = text;
                _attr[r, c] = attr;
                int width = Math.Max(1, text.GetColumns());
                for (int k = 1; k < width && c + 1 < cols; k++)
                {
                    c++;
                    contents[r, c].IsDirty = false;
                    _text[r, c] = null; // the terminal shows the glyph's right half here
                }
                Advance(width);
            }
            if (r < buffer.DirtyLines.Length)
                buffer.DirtyLines[r] = false;
        }
        PlaceCursor(output);
    }

    /// <summary>Records where Terminal.Gui wants the cursor and moves it there if that changes anything.</summary>
    public void SetCursor(Cursor cursor, StringBuilder output)
    {
        // Refresh() asks for "visible, position to come" before each frame; the position follows right after
        // the frame. Hiding and showing again would cost bytes and blink, so such a cursor only waits.
        _wanted = cursor;
        PlaceCursor(output);
    }

    private void PlaceCursor(StringBuilder output)
    {
        Cursor c = _wanted;
        if (c.IsVisible && c.Position is { } p)
        {
            if (p.Y >= 0 && p.Y < _rows && p.X >= 0 && p.X < _cols)
                MoveTo(p.Y, p.X, null, output);
            if (_cursorStyle != c.Style)
            {
                output.Append(EscSeqUtils.CSI_SetCursorStyle(c.Style));
                _cursorStyle = c.Style;
            }
            if (_cursorShown != true)
            {
                output.Append(EscSeqUtils.CSI_ShowCursor);
                _cursorShown = true;
            }
        }
        else if (c.Position is null && c.Style != CursorStyle.Hidden)
        {
            // waiting for its position (see SetCursor)
        }
        else if (_cursorShown != false)
        {
            output.Append(EscSeqUtils.CSI_HideCursor);
            _cursorShown = false;
        }
    }

    private void Resize(int rows, int cols)
    {
        // After a resize the terminal's content is not ours to guess (reflow, clipping): redraw every cell.
        _rows = rows;
        _cols = cols;
        _text = new string?[rows, cols];
        _attr = new TgAttribute[rows, cols];
        _row = _col = Unknown;
    }

    private static string Glyph(in Cell cell)
    {
        string g = cell.Grapheme;
        if (string.IsNullOrEmpty(g))
            return " ";
        // Never let a control character through: it would move the terminal's cursor behind our back.
        foreach (char ch in g)
            if (char.IsControl(ch))
                return " ";
        return g;
    }

    /// <summary>After printing in the last column the terminal holds a pending wrap: the column is then unknown.</summary>
    private void Advance(int width)
    {
        _col += width;
        if (_col >= _cols)
            _col = Unknown;
    }

    /// <summary>Styles that change nothing on a blank cell (they touch the glyph, and a blank has none).</summary>
    private const TextStyle GlyphOnly = TextStyle.Bold | TextStyle.Faint | TextStyle.Italic;

    /// <summary>
    /// How many cells from <paramref name="c"/> on are blanks of <paramref name="attr"/> that an erase can draw:
    /// an erased cell takes the background only (reverse, underline, blink or strike-through would not show),
    /// and only a terminal with "bce" erases to a background colour.
    /// </summary>
    private int Erasable(Cell[,] contents, int r, int c, int cols, TgAttribute attr)
    {
        if ((attr.Style & ~GlyphOnly) != TextStyle.None || (attr.Background != Color.None && !XtermErase))
            return 0;
        int k = c;
        while (k < cols && Glyph(contents[r, k]) == " " && (contents[r, k].Attribute ?? attr) == attr)
            k++;
        return k - c;
    }

    private void Erase(int r, int c, int count, TgAttribute attr, string sequence, Cell[,] contents, StringBuilder output)
    {
        MoveTo(r, c, contents, output);
        SetAttribute(attr, output);
        output.Append(sequence);
        for (int k = c; k < c + count; k++)
        {
            contents[r, k].IsDirty = false;
            _text[r, k] = " ";
            _attr[r, k] = attr;
        }
    }

    private void MoveTo(int row, int col, Cell[,]? contents, StringBuilder output)
    {
        if (row == _row && col == _col)
            return;
        string best = Absolute(row, col);
        if (_row != Unknown)
        {
            string vertical = Vertical(row - _row);
            if (_col != Unknown)
                best = Shorter(best, vertical + Horizontal(row, _col, col, contents));
            best = Shorter(best, vertical + "\r" + Horizontal(row, 0, col, contents));
            // CR first, then LF: the next row's first column whatever the tty does with LF (with ONLCR it adds a CR).
            // Never from the last row: there LF would scroll, and no cell lies below it.
            if (row == _row + 1)
                best = Shorter(best, "\r\n" + Horizontal(row, 0, col, contents));
        }
        output.Append(best);
        _row = row;
        _col = col;
    }

    private static string Absolute(int row, int col) =>
        (row, col) switch
        {
            (0, 0) => Csi + "H",
            (_, 0) => Csi + (row + 1).ToString(CultureInfo.InvariantCulture) + "H",
            _ => Csi + (row + 1).ToString(CultureInfo.InvariantCulture) + ";" + (col + 1).ToString(CultureInfo.InvariantCulture) + "H",
        };

    private static string Vertical(int delta) =>
        delta switch
        {
            0 => "",
            1 => Csi + "B",
            -1 => Csi + "A",
            > 0 => Csi + delta.ToString(CultureInfo.InvariantCulture) + "B",
            _ => Csi + (-delta).ToString(CultureInfo.InvariantCulture) + "A",
        };

    /// <summary>From column <paramref name="from"/> to <paramref name="to"/> on one row: a move, or re-printing what is already there when that is shorter.</summary>
    private string Horizontal(int row, int from, int to, Cell[,]? contents)
    {
        int delta = to - from;
        if (delta == 0)
            return "";
        if (delta < 0)
            return delta == -1 ? "\b" : Csi + (-delta).ToString(CultureInfo.InvariantCulture) + "D";
        string move = delta == 1 ? Csi + "C" : Csi + delta.ToString(CultureInfo.InvariantCulture) + "C";
        if (delta > move.Length || contents is null || _sgr is not { } current)
            return move;
        var reprint = new StringBuilder();
        for (int k = from; k < to; k++)
        {
            // Only cells the terminal already shows exactly as wanted, in the current attribute, one column each.
            if (_text[row, k] is not { Length: 1 } t || t[0] > 0x7e || _attr[row, k] != current)
                return move;
            reprint.Append(t);
        }
        return reprint.Length < move.Length ? reprint.ToString() : move;
    }

    private static string Shorter(string a, string b) => Encoding.UTF8.GetByteCount(b) < Encoding.UTF8.GetByteCount(a) ? b : a;

    private void SetAttribute(TgAttribute attr, StringBuilder output)
    {
        if (_sgr == attr)
            return;
        output.Append(Sgr.Change(_sgr, attr, Force16Colors ? ColorDepth.Ansi16 : Depth));
        _sgr = attr;
    }
}
