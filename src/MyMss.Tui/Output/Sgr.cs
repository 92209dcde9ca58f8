using System.Globalization;
using Terminal.Gui.Drawing;
using TgAttribute = Terminal.Gui.Drawing.Attribute;

namespace MyMss.Tui.Output;

/// <summary>Select Graphic Rendition: the escape sequence that takes the terminal from one attribute to another.</summary>
public static class Sgr
{
    private const string Csi = "\u001b[";

    /// <summary>
    /// The shorter of "reset, then everything" and "only what changes" (off codes for styles that end), from
    /// <paramref name="current"/> (null: unknown, so only a reset will do) to <paramref name="attr"/>.
    /// </summary>
    public static string Change(TgAttribute? current, TgAttribute attr, ColorDepth depth)
    {
        var reset = new List<string>(4) { "0" };
        AddStyle(reset, attr.Style);
        if (attr.Foreground != Color.None)
            reset.Add(ColorCode(attr.Foreground, foreground: true, depth));
        if (attr.Background != Color.None)
            reset.Add(ColorCode(attr.Background, foreground: false, depth));
        string best = reset.Count == 1 ? Csi + "m" : Csi + string.Join(';', reset) + "m";
        if (current is not { } now)
            return best;

        var delta = new List<string>(4);
        TextStyle ending = now.Style & ~attr.Style, starting = attr.Style & ~now.Style;
        if ((ending & (TextStyle.Bold | TextStyle.Faint)) != TextStyle.None)
        {
            delta.Add("22"); // ends bold and faint together: whichever stays is set again
            starting |= attr.Style & (TextStyle.Bold | TextStyle.Faint);
        }
        if (ending.HasFlag(TextStyle.Italic)) delta.Add("23");
        if (ending.HasFlag(TextStyle.Underline)) delta.Add("24");
        if (ending.HasFlag(TextStyle.Blink)) delta.Add("25");
        if (ending.HasFlag(TextStyle.Reverse)) delta.Add("27");
        if (ending.HasFlag(TextStyle.Strikethrough)) delta.Add("29");
        AddStyle(delta, starting);
        if (attr.Foreground != now.Foreground)
            delta.Add(ColorCode(attr.Foreground, foreground: true, depth));
        if (attr.Background != now.Background)
            delta.Add(ColorCode(attr.Background, foreground: false, depth));
        string changes = Csi + string.Join(';', delta) + "m";
        return changes.Length < best.Length ? changes : best;
    }

    private static void AddStyle(List<string> codes, TextStyle style)
    {
        if (style.HasFlag(TextStyle.Bold)) codes.Add("1");
        if (style.HasFlag(TextStyle.Faint)) codes.Add("2");
        if (style.HasFlag(TextStyle.Italic)) codes.Add("3");
        if (style.HasFlag(TextStyle.Underline)) codes.Add("4");
        if (style.HasFlag(TextStyle.Blink)) codes.Add("5");
        if (style.HasFlag(TextStyle.Reverse)) codes.Add("7");
        if (style.HasFlag(TextStyle.Strikethrough)) codes.Add("9");
    }

    private static string ColorCode(Color color, bool foreground, ColorDepth depth)
    {
        if (color == Color.None)
            return foreground ? "39" : "49";
        return depth switch
        {
            ColorDepth.Ansi16 => (ColorDepths.Ansi16Code(color) + (foreground ? 0 : 10)).ToString(CultureInfo.InvariantCulture),
            ColorDepth.Palette256 => string.Create(CultureInfo.InvariantCulture, $"{(foreground ? 38 : 48)};5;{ColorDepths.Palette256Index(color)}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(foreground ? 38 : 48)};2;{color.R};{color.G};{color.B}"),
        };
    }
}
