namespace MyMss.Tui.Screens;

/// <summary>
/// Text as the profile find and the sort by description compare it: lower case, accents dropped ("São João" and
/// "SAO JOAO" both read "sao joao"), numbers by their value ("Loja 9" before "Loja 10").
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

    /// <summary>
    /// Folded texts in the order a person lists them: character by character, except that a run of digits is compared
    /// with the other text's run as a number ("loja 9" before "loja 10", "loja 007" beside "loja 7").
    /// </summary>
    public static int CompareNatural(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                int endA = DigitsEnd(a, i), endB = DigitsEnd(b, j);
                ReadOnlySpan<char> x = a.AsSpan(i, endA - i).TrimStart('0'), y = b.AsSpan(j, endB - j).TrimStart('0');
                int byValue = x.Length != y.Length ? x.Length.CompareTo(y.Length) : x.SequenceCompareTo(y);
                if (byValue != 0)
                    return byValue;
                (i, j) = (endA, endB);
                continue;
            }
            if (a[i] != b[j])
                return a[i].CompareTo(b[j]);
            i++;
            j++;
        }
        return (a.Length - i).CompareTo(b.Length - j);
    }

    private static int DigitsEnd(string text, int start)
    {
        while (start < text.Length && char.IsAsciiDigit(text[start]))
            start++;
        return start;
    }
}
