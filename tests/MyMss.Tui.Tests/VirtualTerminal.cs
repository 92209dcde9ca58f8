using System.Globalization;
using System.Text;

namespace MyMss.Tui.Tests;

/// <summary>
/// A small VT100/xterm screen: enough of ECMA-48 to replay what <c>ScreenMirror</c> sends (printing with
/// pending wrap, CR, BS, CUP, CUU/CUD/CUF/CUB, EL, ECH, SGR, cursor show/hide/style) and to refuse anything else.
/// </summary>
public sealed class VirtualTerminal
{
    public VirtualTerminal(int rows, int cols)
    {
        Rows = rows;
        Cols = cols;
        Text = new string[rows, cols];
        Look = new string[rows, cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                Text[r, c] = " ";
                Look[r, c] = "";
            }
    }

    /// <summary>The same terminal at another size: cursor visibility and style and the SGR state stay, the content is garbage to be redrawn.</summary>
    public VirtualTerminal Resized(int rows, int cols)
    {
        var vt = new VirtualTerminal(rows, cols) { CursorShown = CursorShown, CursorStyle = CursorStyle, _style = _style, _fg = _fg, _bg = _bg };
        return vt.Garbled();
    }

    /// <summary>Every cell shows "?": what is not drawn again stays visible as such.</summary>
    public VirtualTerminal Garbled()
    {
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Cols; c++)
                Text[r, c] = "?";
        return this;
    }

    public int Rows { get; }
    public int Cols { get; }
    public string[,] Text { get; }
    /// <summary>Each cell's SGR state as text: "style|fg|bg" (erased cells keep only their background).</summary>
    public string[,] Look { get; }
    public int Row { get; private set; }
    public int Col { get; private set; }
    public bool CursorShown { get; private set; }
    public int CursorStyle { get; private set; }
    public int Scrolls { get; private set; }

    private bool _wrapPending;
    private int _style;
    private string _fg = "default", _bg = "default";

    public static string LookOf(int style, string fg, string bg) => $"{style}|{fg}|{bg}";

    public void Feed(string bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            char ch = bytes[i];
            if (ch == '\u001b')
            {
                i = Escape(bytes, i);
                continue;
            }
            if (ch == '\r') { Col = 0; _wrapPending = false; i++; continue; }
            if (ch == '\n') // LF: one row down (the screen scrolls at the last), the column kept (no ONLCR: the program's tty is raw)
            {
                _wrapPending = false;
                if (Row == Rows - 1) Scrolls++;
                else Row++;
                i++;
                continue;
            }
            if (ch == '\b') { Col = Math.Max(0, Col - 1); _wrapPending = false; i++; continue; }
            if (char.IsControl(ch))
                throw new InvalidOperationException($"unexpected control U+{(int)ch:X4} at {i}");
            string grapheme = char.IsHighSurrogate(ch) ? bytes.Substring(i, 2) : ch.ToString();
            Print(grapheme);
            i += grapheme.Length;
        }
    }

    private void Print(string g)
    {
        if (_wrapPending)
        {
            Col = 0;
            _wrapPending = false;
            if (Row == Rows - 1) Scrolls++;
            else Row++;
        }
        Text[Row, Col] = g;
        Look[Row, Col] = LookOf(_style, _fg, _bg);
        if (Col == Cols - 1) _wrapPending = true;
        else Col++;
    }

    private int Escape(string s, int i)
    {
        if (i + 1 >= s.Length || s[i + 1] != '[')
            throw new InvalidOperationException($"unexpected escape at {i}: {Show(s.Substring(i, Math.Min(8, s.Length - i)))}");
        int j = i + 2;
        var p = new StringBuilder();
        while (j < s.Length && (char.IsDigit(s[j]) || s[j] is ';' or '?' or ' '))
            p.Append(s[j++]);
        char final = s[j];
        string ps = p.ToString();
        int[] n = ps.TrimStart('?').TrimEnd(' ').Split(';', StringSplitOptions.None)
            .Select(x => x.Length == 0 ? 0 : int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        int N(int k, int dflt) => k < n.Length && n[k] != 0 ? n[k] : dflt;
        if (final is not 'm')
            _wrapPending = final is 'K' or 'X' or 'q' or 'h' or 'l' ? _wrapPending : false;
        switch (final)
        {
            case 'H': Row = Math.Min(Rows, N(0, 1)) - 1; Col = Math.Min(Cols, N(1, 1)) - 1; break;
            case 'A': Row = Math.Max(0, Row - N(0, 1)); break;
            case 'B': Row = Math.Min(Rows - 1, Row + N(0, 1)); break;
            case 'C': Col = Math.Min(Cols - 1, Col + N(0, 1)); break;
            case 'D': Col = Math.Max(0, Col - N(0, 1)); break;
            case 'K' when ps.Length == 0: EraseFromCursor(Cols - Col); break;
            case 'X': EraseFromCursor(N(0, 1)); break;
            case 'm': Sgr(n); break;
            case 'h' when ps == "?25": CursorShown = true; break;
            case 'l' when ps == "?25": CursorShown = false; break;
            case 'q' when ps.EndsWith(' '): CursorStyle = N(0, 0); break;
            default: throw new InvalidOperationException($"unexpected sequence ESC[{ps}{final}");
        }
        return j + 1;
    }

    /// <summary>EL and ECH: blanks with the current background ("bce"), the cursor stays.</summary>
    private void EraseFromCursor(int count)
    {
        for (int c = Col; c < Math.Min(Cols, Col + count); c++)
        {
            Text[Row, c] = " ";
            Look[Row, c] = LookOf(0, "default", _bg);
        }
    }

    private void Sgr(int[] n)
    {
        for (int k = 0; k < n.Length; k++)
        {
            int v = n[k];
            switch (v)
            {
                case 0: _style = 0; _fg = _bg = "default"; break;
                case >= 1 and <= 9: _style |= 1 << v; break;
                case 22: _style &= ~((1 << 1) | (1 << 2)); break;
                case >= 23 and <= 29: _style &= ~(1 << (v - 20)); break;
                case >= 30 and <= 37 or >= 90 and <= 97: _fg = "ansi" + v; break;
                case >= 40 and <= 47 or >= 100 and <= 107: _bg = "ansi" + (v - 10); break;
                case 39: _fg = "default"; break;
                case 49: _bg = "default"; break;
                case 38 or 48:
                    string colour = n[k + 1] == 2 ? $"rgb({n[k + 2]},{n[k + 3]},{n[k + 4]})" : $"idx{n[k + 2]}";
                    k += n[k + 1] == 2 ? 4 : 2;
                    if (v == 38) _fg = colour; else _bg = colour;
                    break;
                default: throw new InvalidOperationException($"unexpected SGR {v}");
            }
        }
    }

    public static string Show(string bytes) => bytes.Replace("\u001b", "\\e").Replace("\r", "\\r").Replace("\b", "\\b");
}
