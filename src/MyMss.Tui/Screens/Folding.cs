namespace MyMss.Tui.Screens;

/// <summary>
/// Text as the profile find compares it: lower case, accents dropped ("São João" and "SAO JOAO" both read "sao joao").
/// The program runs with invariant globalization (no ICU, for NativeAOT), where string.Normalize and culture-aware
/// comparisons ignore no accents: the Latin letters with marks are mapped by a table, combining marks are skipped.
/// </summary>
public static class Folding
{
    private const char First = '\u00C0';

    /// <summary>U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A): each letter without its mark, in lower case.</summary>
    private const string Latin =
        "aaaaaaæceeeeiiiiðnooooo×øuuuuyþßaaaaaaæceeeeiiiiðnooooo÷øuuuuyþy"
        + "aaaaaaccccccccddđđeeeeeeeeeegggggggghhħħiiiiiiiiiıĳĳjjkkĸllllllŀ"
        + "ŀłłnnnnnnŉŋŋooooooœœrrrrrrssssssssttttŧŧuuuuuuuuuuuuwwyyyzzzzzzſ";

    public static string Fold(string text)
    {
        var folded = new System.Text.StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is >= '\u0300' and <= '\u036F')
                continue; // a combining mark ("c" + U+0327 is "ç")
            folded.Append(c >= First && c - First < Latin.Length ? Latin[c - First] : char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }
}
