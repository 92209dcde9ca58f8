using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace MyMss.Tui.Screens.Keys;

/// <summary>
/// A label's mnemonic: the letter after '_' in its text ("_Novo", "Sai_r", "_Quit"), so each language takes its
/// letters from its own words. Buttons show it underlined; with Alt it is one of the binding's keys.
/// </summary>
public static class Mnemonic
{
    public const char Marker = '_';

    /// <summary>The text as read, without the marker: "Novo".</summary>
    public static string Strip(string text)
    {
        int at = text.IndexOf(Marker);
        return at < 0 ? text : text.Remove(at, 1);
    }

    /// <summary>Alt and the marked letter (Alt+N for "_Novo"), or null when the text marks none.</summary>
    public static Key? AltKey(string text)
    {
        int at = text.IndexOf(Marker);
        if (at < 0 || at + 1 >= text.Length || !char.IsAsciiLetter(text[at + 1]))
            return null;
        return new Key((KeyCode)char.ToUpperInvariant(text[at + 1])).WithAlt;
    }
}
