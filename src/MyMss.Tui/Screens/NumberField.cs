using System.Globalization;
using System.Text;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>
/// A field for a whole number: only digits can be typed or pasted; any other character is refused as it is typed
/// (<see cref="Refused"/> lets the screen say so, with the range), rather than at Gravar/Validar.
/// The range itself is the rule's (Core); this only shows it.
/// </summary>
public sealed class NumberField(int min, int max) : TextField
{
    public int Min => min;
    public int Max => max;

    /// <summary>"1..65535".</summary>
    public string Range => min.ToString(CultureInfo.InvariantCulture) + ".." + max.ToString(CultureInfo.InvariantCulture);

    /// <summary>A character that is not a digit was typed and left out.</summary>
    public event EventHandler? Refused;

    protected override bool OnKeyDown(Key key)
    {
        if (!key.IsCtrl && !key.IsAlt && key.AsRune is Rune r && r.Value >= ' ' && !Rune.IsControl(r) && !IsDigit(r))
        {
            Refused?.Invoke(this, EventArgs.Empty);
            return true;
        }
        return base.OnKeyDown(key);
    }

    protected override string OnSanitizingPaste(string raw)
    {
        string digits = string.Concat(base.OnSanitizingPaste(raw).Where(char.IsAsciiDigit));
        if (digits.Length != raw.Trim().Length)
            Refused?.Invoke(this, EventArgs.Empty);
        return digits;
    }

    private static bool IsDigit(Rune r) => r.Value is >= '0' and <= '9';
}
