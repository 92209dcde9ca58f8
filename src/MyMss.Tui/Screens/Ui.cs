using MyMss.Core.Rules;
using MyMss.Tui.Resources;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TgAttribute = Terminal.Gui.Drawing.Attribute;
using TgColor = Terminal.Gui.Drawing.Color;

namespace MyMss.Tui.Screens;

/// <summary>Small pieces every screen uses: error marking, message boxes, deferred focus.</summary>
public static class Ui
{
    /// <summary>Paints a field as wrong (a TextField draws with the Editable role, so that one is set too) or restores it.</summary>
    public static void MarkError(View field, bool wrong)
    {
        if (!wrong)
        {
            field.SetScheme(null);
            return;
        }
        Scheme s = field.GetScheme();
        if (TerminalProfile.Monochrome)
        {
            // Without colours a wrong field is bold and underlined, and reversed while it has the cursor.
            field.SetScheme(s with
            {
                Normal = TerminalProfile.A(TextStyle.Bold | TextStyle.Underline),
                Editable = TerminalProfile.A(TextStyle.Bold | TextStyle.Underline),
                Focus = TerminalProfile.A(TextStyle.Bold | TextStyle.Reverse),
            });
            return;
        }
        field.SetScheme(s with
        {
            Normal = new TgAttribute(TgColor.White, TgColor.Red),
            Focus = new TgAttribute(TgColor.BrightYellow, TgColor.Red),
            Editable = new TgAttribute(TgColor.White, TgColor.Red),
        });
    }

    /// <param name="note">A line after the errors, e.g. what to do first.</param>
    public static void Error(IApplication app, Strings strings, string title, IEnumerable<FieldError> errors, string? note = null) =>
        MessageBox.ErrorQuery(app, title, string.Join("\n", errors.Select(strings.Describe)) + (note is null ? "" : "\n\n" + note), strings[TextKey.Screen_Ok]);

    /// <summary>Yes/No question; No is the default so that Enter never destroys anything.</summary>
    public static bool Confirm(IApplication app, Strings strings, string title, string question) =>
        MessageBox.Query(app, title, question, strings[TextKey.Screen_Yes], strings[TextKey.Screen_No]) == 0;

    /// <summary>
    /// A button whose text marks its mnemonic ("_Novo"): the letter shows underlined, and Alt+letter, which the screen's
    /// key table handles, is the only key that presses it (Terminal.Gui would also take the bare letter).
    /// </summary>
    public static Button MnemonicButton(string text)
    {
        var button = new Button { Text = text, ShadowStyle = null };
        button.HotKeyBindings.Clear();
        return button;
    }

    /// <summary>Focus changes made inside an Accept handler are overridden by the button taking focus afterwards: do them on the next iteration.</summary>
    public static void Later(IApplication? app, Action action)
    {
        if (app is null)
        {
            action();
            return;
        }
        app.AddTimeout(TimeSpan.Zero, () =>
        {
            action();
            return false;
        });
    }
}
