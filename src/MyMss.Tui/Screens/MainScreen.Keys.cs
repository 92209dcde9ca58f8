using MyMss.Tui.Resources;
using MyMss.Tui.Screens.Keys;
using Terminal.Gui.Input;

namespace MyMss.Tui.Screens;

public sealed partial class MainScreen
{
    /// <summary>
    /// Every key of the main screen: the key handler, the bottom line and the F1 help are made from this table.
    /// Each F-key has a Ctrl/Alt twin: the Linux console does not pass F1–F5 to Terminal.Gui 2.5.0 and PuTTY may eat F-keys.
    /// The Alt twins are mnemonics: the letter marked in the label in the screen's language (pt Alt+E Eliminar, en Alt+D Delete).
    /// </summary>
    public static readonly KeyTable<MainScreen> Keybindings = new(
        new([Key.F2], TextKey.Screen_New, TextKey.KeyHelp_New, m => m.NewProfile()) { InStatusBar = true, Mnemonic = true },
        // F4 opens a closed list that has the cursor (its own key); Enter means Alterar only on the table.
        new([new(Key.F4, KeyScope.NotInDropDown), new(Key.Enter, KeyScope.InTable)],
            TextKey.Screen_Edit, TextKey.KeyHelp_Edit, m => m.EditSelected()) { InStatusBar = true, Mnemonic = true },
        // A copy starts from the selected profile; only the code and the password are new.
        new([Key.F3], TextKey.Screen_Copy, TextKey.KeyHelp_Copy, m => m.CopySelected()) { Mnemonic = true },
        new([Key.F8, new(Key.Delete, KeyScope.NotTyping)], TextKey.Screen_Delete, TextKey.KeyHelp_Delete, m => m.DeleteSelected()) { InStatusBar = true, Mnemonic = true },
        new([Key.F10, Key.S.WithCtrl], TextKey.Screen_Save, TextKey.KeyHelp_Save, m => m.Save()) { InStatusBar = true, Mnemonic = true },
        new([Key.F1, new((Key)'?', KeyScope.NotTyping)], TextKey.Screen_Help, TextKey.KeyHelp_Help, m => m.ShowHelp()) { InStatusBar = true },
        // '/' as in less and vi, Ctrl+F as in most programs; typed on the table while the find is being typed.
        new([new((Key)'/', KeyScope.NotTyping), Key.F.WithCtrl], TextKey.Screen_Find, TextKey.KeyHelp_Find, m => m.StartFind()),
        new([Key.Esc], TextKey.Key_ClearFind, TextKey.KeyHelp_ClearFind, m => m.ClearFind()),
        new([Key.F7], TextKey.Screen_Sort, TextKey.KeyHelp_Sort, m => m.NextSort()) { Mnemonic = true },
        new([Key.F9], TextKey.Screen_History, TextKey.KeyHelp_History, m => m.ShowHistory()) { Mnemonic = true },
        new([Key.F6], TextKey.Screen_Routes, TextKey.KeyHelp_Routes, m => m.ShowRoutes()) { Mnemonic = true },
        new([Key.Q.WithCtrl], TextKey.Screen_Quit, TextKey.KeyHelp_Quit, m => m.RequestQuit()) { InStatusBar = true, Mnemonic = true });
}
