using System.Text;
using MyMss.Tui.Resources;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace MyMss.Tui.Screens.Keys;

/// <summary>
/// The one place where a key becomes the name the technician reads. Terminal.Gui's Key.ToString() gives "Ctrl+Q",
/// "Alt+1", "F10", but "a" for Key.A and "Delete", "PageDown", "CursorDown": here letters are capitals and those names are
/// shortened as on a keyboard.
/// </summary>
public static class KeyNames
{
    public static string Of(Key key)
    {
        KeyCode code = key.KeyCode & ~(KeyCode.CtrlMask | KeyCode.AltMask | KeyCode.ShiftMask);
        string name = code switch
        {
            KeyCode.Delete => "Del",
            KeyCode.PageDown => "PgDn",
            KeyCode.PageUp => "PgUp",
            KeyCode.CursorUp => "↑",
            KeyCode.CursorDown => "↓",
            KeyCode.CursorLeft => "←",
            KeyCode.CursorRight => "→",
            // A character key: its character, letters in capitals as printed on the key ("Alt+N", "Alt+1", "?").
            _ when (code & KeyCode.SpecialMask) == 0 && (uint)code > ' ' => new Rune((int)code).ToString(),
            _ => code.ToString(), // F2, Esc, Enter, Tab, Space
        };
        return (key.IsCtrl ? "Ctrl+" : "") + (key.IsAlt ? "Alt+" : "") + (key.IsShift ? "Shift+" : "") + name;
    }

    /// <summary>"F8, Del ou Alt+E": every key of the binding in this language.</summary>
    public static string List(Strings s, IBinding binding) => List(s, binding.KeysIn(s));

    /// <summary>"F8, Del ou Alt+E".</summary>
    public static string List(Strings s, IReadOnlyList<BoundKey> keys) =>
        keys.Count == 1 ? Of(keys[0].Key)
        : s.Format(TextKey.Key_Or, string.Join(", ", keys.Take(keys.Count - 1).Select(k => Of(k.Key))), Of(keys[^1].Key));

    /// <summary>"F10/Ctrl+S/Alt+V Validar · F5/Alt+T Testar ligação · …": the status-bar bindings with every key, twins included
    /// (the status bar has room for the first key only, and F-keys do not reach the program on every console).</summary>
    public static string Hints(Strings s, IKeyTable table) =>
        string.Join(" · ", table.Bindings.Where(b => b.InHints).Select(b => string.Join("/", b.KeysIn(s).Select(k => Of(k.Key))) + " " + b.LabelIn(s)));
}
