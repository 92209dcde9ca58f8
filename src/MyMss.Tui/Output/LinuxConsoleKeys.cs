namespace MyMss.Tui.Output;

/// <summary>
/// The Linux text console sends F1-F5 as ESC [ [ A ... ESC [ [ E, which Terminal.Gui 2.5.0 does not recognise (the
/// bottom line there listed keys that did nothing). They become the xterm sequences it knows: SS3 P..S and CSI 15 ~.
/// PuTTY's ESC [ 11 ~ ... and xterm's own are recognised already.
/// </summary>
public static class LinuxConsoleKeys
{
    private static readonly (string Console, string Xterm)[] Keys =
    [
        ("\u001b[[A", "\u001bOP"), ("\u001b[[B", "\u001bOQ"), ("\u001b[[C", "\u001bOR"), ("\u001b[[D", "\u001bOS"), ("\u001b[[E", "\u001b[15~"),
    ];

    public static string Translate(string input)
    {
        if (!input.Contains("\u001b[[", StringComparison.Ordinal))
            return input;
        foreach (var (console, xterm) in Keys)
            input = input.Replace(console, xterm, StringComparison.Ordinal);
        return input;
    }
}
