using Terminal.Gui.Drawing;
using TgAttribute = Terminal.Gui.Drawing.Attribute;

namespace MyMss.Tui.Output;

/// <summary>How many colours the terminal can show, as terminfo programs decide it: from TERM and COLORTERM.</summary>
public enum ColorDepth
{
    /// <summary>The 16 ANSI colours: the Linux console, GNU screen, VT220-class and unknown terminals.</summary>
    Ansi16,
    /// <summary>xterm's 256-colour palette: TERM=*-256color.</summary>
    Palette256,
    /// <summary>24-bit colour: COLORTERM=truecolor|24bit, or a terminal known to have it.</summary>
    TrueColor,
}

public static class ColorDepths
{
    /// <summary>
    /// 24-bit only when the terminal says so (COLORTERM, or TERM naming a direct-colour terminal); 256 colours for
    /// *-256color; 16 otherwise. Sending 24-bit codes to a terminal without them shows wrong colours, and costs
    /// ~30 bytes a change where a palette colour costs 5–11.
    /// </summary>
    public static ColorDepth Of(string? term, string? colorTerm)
    {
        term ??= "";
        if (colorTerm is "truecolor" or "24bit" || term.EndsWith("-direct", StringComparison.Ordinal)
            || term is "xterm-kitty" or "alacritty" or "foot" or "wezterm" || term.StartsWith("foot-", StringComparison.Ordinal))
            return ColorDepth.TrueColor;
        return term.EndsWith("-256color", StringComparison.Ordinal) ? ColorDepth.Palette256 : ColorDepth.Ansi16;
    }

    private static readonly int[] CubeLevels = [0, 95, 135, 175, 215, 255];

    /// <summary>xterm's default values of the 16 ANSI colours (SGR 30–37, 90–97).</summary>
    private static readonly (int R, int G, int B)[] Ansi =
    [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ];

    /// <summary>The nearest of the 16 ANSI colours, as its foreground SGR code (30–37, 90–97; +10 for a background).</summary>
    public static int Ansi16Code(Color c)
    {
        int best = 0;
        for (int i = 1; i < Ansi.Length; i++)
            if (Distance(c, Ansi[i].R, Ansi[i].G, Ansi[i].B) < Distance(c, Ansi[best].R, Ansi[best].G, Ansi[best].B))
                best = i;
        return best < 8 ? 30 + best : 90 + best - 8;
    }

    /// <summary>
    /// The nearest colour of xterm's palette, among the 6×6×6 cube (16–231) and the grey ramp (232–255) whose values
    /// are fixed; the first 16 are left out because every terminal gives them its own values.
    /// </summary>
    public static int Palette256Index(Color c)
    {
        int ri = NearestLevel(c.R), gi = NearestLevel(c.G), bi = NearestLevel(c.B);
        int cube = 16 + 36 * ri + 6 * gi + bi;
        int cubeDistance = Distance(c, CubeLevels[ri], CubeLevels[gi], CubeLevels[bi]);
        int grey = 0;
        for (int i = 1; i < 24; i++)
            if (Distance(c, 8 + 10 * i, 8 + 10 * i, 8 + 10 * i) < Distance(c, 8 + 10 * grey, 8 + 10 * grey, 8 + 10 * grey))
                grey = i;
        int level = 8 + 10 * grey;
        return Distance(c, level, level, level) < cubeDistance ? 232 + grey : cube;
    }

    private static int NearestLevel(int v)
    {
        int best = 0;
        for (int i = 1; i < CubeLevels.Length; i++)
            if (Math.Abs(CubeLevels[i] - v) < Math.Abs(CubeLevels[best] - v))
                best = i;
        return best;
    }

    /// <summary>Squared distance weighted by how much the eye sees each channel (2:4:3).</summary>
    private static int Distance(Color c, int r, int g, int b) =>
        2 * (c.R - r) * (c.R - r) + 4 * (c.G - g) * (c.G - g) + 3 * (c.B - b) * (c.B - b);

    /// <summary>The palette entry a colour goes out as (an SGR colour number: 30–37/90–97, or 16–255), or -1 for the terminal's default.</summary>
    public static int Code(Color c, ColorDepth depth) => c == Color.None ? -1
        : depth == ColorDepth.Ansi16 ? Ansi16Code(c)
        : depth == ColorDepth.Palette256 ? Palette256Index(c)
        : (c.R << 16) | (c.G << 8) | c.B;

    /// <summary>
    /// The theme as a palette shows it, still readable: a role the theme sets apart from Normal (focus, the selected
    /// row, an editable field, hot keys, disabled) that the palette would merge into Normal gets the nearest palette
    /// colour that keeps it apart — its background when it has a background of its own, else its text.
    /// </summary>
    public static Scheme Separated(Scheme s, ColorDepth depth)
    {
        if (depth == ColorDepth.TrueColor)
            return s;
        string Look(TgAttribute a) => $"{Code(a.Foreground, depth)}/{Code(a.Background, depth)}/{a.Style}";
        TgAttribute Apart(TgAttribute role)
        {
            if (role == s.Normal || Look(role) != Look(s.Normal))
                return role;
            bool ownBackground = role.Background != s.Normal.Background;
            Color moving = ownBackground ? role.Background : role.Foreground;
            int other = Code(ownBackground ? role.Foreground : role.Background, depth);
            foreach (Color candidate in Palette(depth).OrderBy(p => Distance(moving, p.R, p.G, p.B)))
            {
                int code = Code(candidate, depth);
                if (code != Code(moving, depth) && code != other)
                    return ownBackground ? role with { Background = candidate } : role with { Foreground = candidate };
            }
            return role;
        }
        return s with
        {
            Focus = Apart(s.Focus), HotNormal = Apart(s.HotNormal), HotFocus = Apart(s.HotFocus), Active = Apart(s.Active),
            Editable = Apart(s.Editable), Disabled = Apart(s.Disabled),
        };
    }

    /// <summary>The colours of the palette, each exactly as it maps to itself.</summary>
    private static IEnumerable<Color> Palette(ColorDepth depth) => depth == ColorDepth.Ansi16
        ? Ansi.Select(a => new Color(a.R, a.G, a.B))
        : Enumerable.Range(16, 240).Select(i => i >= 232
            ? new Color(8 + 10 * (i - 232), 8 + 10 * (i - 232), 8 + 10 * (i - 232))
            : new Color(CubeLevels[(i - 16) / 36], CubeLevels[(i - 16) / 6 % 6], CubeLevels[(i - 16) % 6]));
}
