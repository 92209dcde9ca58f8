namespace MyMss.Tui.Cli;

/// <summary>The command line's aligned text (without --json).</summary>
public static class TextOutput
{
    /// <summary>"Label: value" lines with the values in one column.</summary>
    public static void Aligned(TextWriter output, IReadOnlyList<(string Label, string Value)> lines)
    {
        int width = lines.Max(l => l.Label.Length) + 1;
        foreach (var (label, value) in lines)
            output.WriteLine((label + ":").PadRight(width + 1) + value);
    }

    /// <summary>A header and its rows, columns two spaces apart, the <paramref name="rightAligned"/> ones (numbers) padded on the left.</summary>
    public static void Table(TextWriter output, string[] headers, IReadOnlyList<string[]> rows, bool[] rightAligned)
    {
        int[] widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        foreach (string[] row in rows.Prepend(headers))
            output.WriteLine(string.Join("  ", row.Select((c, i) => rightAligned[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
    }
}
