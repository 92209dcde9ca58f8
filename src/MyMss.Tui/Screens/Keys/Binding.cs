using MyMss.Tui.Resources;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens.Keys;

/// <summary>Where the cursor must not be for a key to act: some keys belong to the focused widget there.</summary>
public enum KeyScope
{
    Always,
    /// <summary>Not in an editable text field, where the key is typed or edits the text ('?', Del), nor in a find being typed on the table.</summary>
    NotTyping,
    /// <summary>Not on a closed list (<see cref="Picker"/>), which opens with it (F4).</summary>
    NotInDropDown,
    /// <summary>Only on the profile table, while no find is being typed there (Enter: elsewhere it presses a button or ends a field; in a find it ends the typing).</summary>
    InTable,
}

/// <summary>One key of a binding and where it applies.</summary>
public readonly record struct BoundKey(Key Key, KeyScope Scope = KeyScope.Always)
{
    public static implicit operator BoundKey(Key key) => new(key);

    public bool Applies(View? focused) => Scope switch
    {
        KeyScope.Always => true,
        KeyScope.NotTyping => focused is not TextField { ReadOnly: false } and not ProfileTable { Typing: true },
        KeyScope.NotInDropDown => focused is not Picker,
        KeyScope.InTable => focused is ProfileTable { Typing: false },
        _ => false,
    };
}

/// <summary>What the status bar and the F1 help need of a binding, whatever screen it acts on.</summary>
public interface IBinding
{
    /// <summary>The keys that are the same in every language, the first one shown in the status bar.</summary>
    IReadOnlyList<BoundKey> Keys { get; }

    /// <summary>The word in the status bar; with <see cref="Mnemonic"/>, its marked letter ("_Novo") is a key too, with Alt.</summary>
    TextKey Label { get; }

    /// <summary>Whether Alt and the marked letter of the label, in the screen's language, is one of the keys.</summary>
    bool Mnemonic { get; }

    /// <summary>The help line's text; "{0}" in it stands for the label.</summary>
    TextKey Help { get; }

    bool InStatusBar { get; }

    /// <summary>Listed, with every key, in the line of key hints (the editor's, above its buttons); the status-bar bindings always are.</summary>
    bool InHints { get; }
}

/// <summary>
/// One entry of a screen's key table: keys, the texts that describe them, and what they do to the screen. The same
/// entry serves the key handler, the status bar and the F1 help, so the three never disagree.
/// </summary>
public sealed record Binding<TScreen>(IReadOnlyList<BoundKey> Keys, TextKey Label, TextKey Help, Action<TScreen> Run) : IBinding
{
    public bool InStatusBar { get; init; }

    public bool InHints { get => field || InStatusBar; init; }

    public bool Mnemonic { get; init; }
}

public static class BindingKeys
{
    /// <summary>Every key of the binding in this language: its own keys, then Alt and the label's marked letter.</summary>
    public static IReadOnlyList<BoundKey> KeysIn(this IBinding binding, Strings s) =>
        binding.Mnemonic && Keys.Mnemonic.AltKey(s[binding.Label]) is Key alt ? [.. binding.Keys, alt] : binding.Keys;

    /// <summary>The label as read ("Novo"), without its mnemonic marker.</summary>
    public static string LabelIn(this IBinding binding, Strings s) => Keys.Mnemonic.Strip(s[binding.Label]);
}
