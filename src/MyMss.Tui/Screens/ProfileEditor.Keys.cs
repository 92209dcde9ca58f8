using MyMss.Tui.Resources;
using MyMss.Tui.Screens.Keys;
using Terminal.Gui.Input;

namespace MyMss.Tui.Screens;

public sealed partial class ProfileEditor
{
    /// <summary>Every key of the editor: the key handler, the bottom line and the F1 help are made from this table.</summary>
    public static readonly KeyTable<ProfileEditor> Keybindings = new(
        new([Key.F10, Key.S.WithCtrl], TextKey.Screen_Validate, TextKey.KeyHelp_Validate, e => e.Validate()) { InStatusBar = true, Mnemonic = true },
        new([Key.F5], TextKey.Key_Test, TextKey.KeyHelp_Test, e => e.TestConnection()) { InStatusBar = true, Mnemonic = true },
        // Terminal.Gui's tabs took ↑ to switch tab and Tab skipped the tab's fields: the cursor goes field by field.
        new([Key.CursorDown, Key.Tab], TextKey.Key_NextField, TextKey.KeyHelp_NextField, e => e.MoveCursor(+1)),
        new([Key.CursorUp, Key.Tab.WithShift], TextKey.Key_PreviousField, TextKey.KeyHelp_PreviousField, e => e.MoveCursor(-1)),
        new([Key.PageDown.WithCtrl], TextKey.Key_NextTab, TextKey.KeyHelp_NextTab, e => e.ShowTab(e.TabIndex + 1)) { InHints = true }, // the bottom line has no room left
        new([Key.PageUp.WithCtrl], TextKey.Key_PreviousTab, TextKey.KeyHelp_PreviousTab, e => e.ShowTab(e.TabIndex - 1)),
        new([Key.D1.WithAlt], TextKey.Editor_TabGeneral, TextKey.KeyHelp_Tab, e => e.ShowTab(0)),
        new([Key.D2.WithAlt], TextKey.Editor_TabCommunication, TextKey.KeyHelp_Tab, e => e.ShowTab(1)),
        new([Key.D3.WithAlt], TextKey.Editor_TabFilter, TextKey.KeyHelp_Tab, e => e.ShowTab(2)),
        new([Key.F1, new((Key)'?', KeyScope.NotTyping)], TextKey.Screen_Help, TextKey.KeyHelp_EditorHelp, e => e.ShowHelp()) { InStatusBar = true },
        new([Key.F9], TextKey.Screen_History, TextKey.KeyHelp_ProfileHistory, e => e.ShowHistory()) { Mnemonic = true },
        new([Key.F6], TextKey.Screen_Routes, TextKey.KeyHelp_EditorRoutes, e => e.ShowRoutes()) { Mnemonic = true },
        // Esc too: over a slow link a split escape sequence may read as Esc, and Sair asks before losing anything typed.
        new([Key.Esc, Key.Q.WithCtrl], TextKey.Editor_Leave, TextKey.KeyHelp_Leave, e => e.Leave()) { InStatusBar = true, Mnemonic = true });
}
