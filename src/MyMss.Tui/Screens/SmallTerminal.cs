using System.Drawing;
using MyMss.Core.Domain;
using MyMss.Tui.Output;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens.Keys;
using Terminal.Gui.App;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;

namespace MyMss.Tui.Screens;

/// <summary>
/// Below the size the layout needs, the terminal shows one centred line saying the size it needs, and nothing else —
/// no half-drawn fields, no cells left from a bigger screen — and keys wait (Ctrl+L still repaints); the whole screen
/// comes back as soon as the terminal is big enough again, as it was.
/// </summary>
public static class SmallTerminal
{
    /// <summary>
    /// Rows: the editor's Geral tab shows its six fields (server … encryption) above the three lines of keys or problems and
    /// the buttons; the main screen needs fewer.
    /// </summary>
    public const int Rows = 20;

    /// <summary>The size the screen needs in this language: the widest line of the main screen and of the editor, and <see cref="Rows"/>.</summary>
    public static Size Needed(Strings s) => new(Math.Max(MainWidth(s), EditorWidth(s)), Rows);

    /// <summary>
    /// The main screen's buttons in one row: Novo, Alterar, Eliminar, Histórico from the left (one column apart), two
    /// columns, Gravar and Sair, a margin, and the window's border (see MainScreen's layout).
    /// </summary>
    private static int MainWidth(Strings s)
    {
        int Button(TextKey key) => Mnemonic.Strip(s[key]).GetColumns() + 4; // "⟦ Novo ⟧"
        int left = 1 + Button(TextKey.Screen_New) + 1 + Button(TextKey.Screen_Edit) + 1 + Button(TextKey.Screen_Delete) + 1 + Button(TextKey.Screen_History);
        return left + 2 + Button(TextKey.Screen_Save) + 1 + Button(TextKey.Screen_Quit) + 1 + 2;
    }

    /// <summary>
    /// The editor's widest line (see ProfileEditor's layout): the password row (two fields of 12 and, when editing, what
    /// an empty password means), the Geral tab (its labels and the 40-column server), the Comunicação tab (the external
    /// port, its range and when it applies); within the tab's border and the dialog's.
    /// </summary>
    private static int EditorWidth(Strings s)
    {
        int Label(string field) => (s.FieldLabel(field) + ":").GetColumns();
        int passwords = Label(Fields.Password) + 1 + 12 + 2 + Label(Fields.PasswordConfirmation) + 1 + 12 + 1 + s[TextKey.Editor_PasswordKeep].GetColumns();
        int generalLabels = new[] { Fields.Host, Fields.Port, Fields.TimeoutSeconds, Fields.Retries, Fields.Compression }.Max(f => s.FieldLabel(f).GetColumns()) + 2;
        int general = generalLabels + 40;
        int communicationLabels = new[] { Fields.InternetAccess, Fields.ExternalHost, Fields.ExternalPort }.Max(f => s.FieldLabel(f).GetColumns()) + 2;
        int communication = Math.Max(communicationLabels + 40,
            communicationLabels + 7 + 2 + $"{Core.Rules.ProfileRules.MinPort}..{Core.Rules.ProfileRules.MaxPort}".Length + 1 + s[TextKey.Editor_ExternalHint].GetColumns());
        return Math.Max(passwords + 2, Math.Max(general, communication) + 4);
    }

    /// <summary>The line to show at this size, or null when the screen fits: the longest wording that fits the width.</summary>
    public static string? Line(Strings s, int columns, int rows)
    {
        Size need = Needed(s);
        if (columns >= need.Width && rows >= need.Height)
            return null;
        string full = s.Format(TextKey.Small_Needs, need.Width, need.Height, columns, rows);
        string shorter = s.Format(TextKey.Small_NeedsShort, need.Width, need.Height);
        string bare = $"{need.Width}x{need.Height}";
        return full.GetColumns() <= columns ? full : shorter.GetColumns() <= columns ? shorter : bare;
    }

    /// <summary>Covers the screen of <paramref name="app"/> while it is too small; keys typed meanwhile are dropped (they would act unseen).</summary>
    public static void Install(IApplication app, Strings s)
    {
        if (app.Driver?.GetOutput() is not FrugalOutput output)
            return; // Terminal.Gui's own output (the fallback): the screen is drawn as it comes
        output.Cover = (columns, rows) => Line(s, columns, rows);
        output.CoverAttribute = SchemeManager.GetScheme(Schemes.Base).Normal;
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (!key.Handled && Line(s, app.Screen.Width, app.Screen.Height) is not null)
                key.Handled = true;
        };
        bool small = Line(s, app.Screen.Width, app.Screen.Height) is not null;
        app.ScreenChanged += (_, e) =>
        {
            bool now = Line(s, e.Value.Width, e.Value.Height) is not null;
            if (small && !now)
                app.ClearScreenNextIteration = true; // every view drawn again, over the blank the cover left
            small = now;
        };
    }
}
