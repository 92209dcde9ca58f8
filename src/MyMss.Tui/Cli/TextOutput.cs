using Terminal.Gui.Text;

namespace MyMss.Tui.Cli;

/// <summary>
/// The command line's aligned text (without --json). Columns are measured in terminal cells, not characters: a wide
/// character (東京, most emoji) takes two, a combining mark ("Comunicação" written with U+0303) none.
/// </summary>
public static class TextOutput
{
    /// <summary>"Label: value" lines with the values in one column.</summary>
    public static void Aligned(TextWriter output, IReadOnlyList<(string Label, string Value)> lines)
    {
        int width = lines.Max(l => Width(l.Label)) + 1;
        foreach (var (label, value) in lines)
            output.WriteLine(Pad(label + ":", width + 1, right: false) + value);
    }

    /// <summary>A header and its rows, columns two spaces apart, the <paramref name="rightAligned"/> ones (numbers) padded on the left.</summary>
    public static void Table(TextWriter output, string[] headers, IReadOnlyList<string[]> rows, bool[] rightAligned)
    {
        int[] widths = headers.Select((h, i) => rows.Select(r => Width(r[i])).Prepend(Width(h)).Max()).ToArray();
        foreach (string[] row in rows.Prepend(headers))
            output.WriteLine(string.Join("  ", row.Select((c, i) => Pad(c, widths[i], rightAligned[i]))).TrimEnd());
    }

    /// <summary>The cells a text takes on a terminal.</summary>
    public static int Width(string text) => Math.Max(0, text.GetColumns());

    private static string Pad(string text, int width, bool right)
    {
        string blanks = new(' ', Math.Max(0, width - Width(text)));
        return right ? blanks + text : text + blanks;
    }
}
