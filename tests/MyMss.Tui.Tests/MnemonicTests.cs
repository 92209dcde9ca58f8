using MyMss.Core.Domain;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace MyMss.Tui.Tests;

/// <summary>Each language takes its Alt keys from its own words, and the buttons show them (issue #15, defect 4).</summary>
[Collection(ScreenCollection.Name)]
public sealed class MnemonicTests
{
    private static void Seed(SyncConfiguration s)
    {
        ScreenHarness.Seed(s, (1, "Um"), (2, "Dois"));
        Assert.True(s.SaveSettings(new SettingsInput("24", 1, null)).IsOk);
    }

    /// <summary>Whether the <paramref name="letter"/> of <paramref name="word"/> in its button ("⟦ word ⟧", or "⟦► word ◄⟧" for the default one) is drawn apart from the rest.</summary>
    private static bool Underlined(ScreenHarness h, string word, int letter)
    {
        string[] lines = h.Text().TrimEnd('\n').Split('\n');
        foreach (string shape in new[] { "⟦ " + word + " ⟧", "⟦► " + word + " ◄⟧" })
        {
            int row = Array.FindLastIndex(lines, l => l.Contains(shape));
            if (row < 0)
                continue;
            int column = lines[row].IndexOf(shape, StringComparison.Ordinal) + shape.IndexOf(word, StringComparison.Ordinal);
            var cells = h.App.Driver!.Contents!;
            int other = letter == 0 ? 1 : 0;
            return cells[row, column + letter].Attribute != cells[row, column + other].Attribute;
        }
        Assert.Fail($"no button {word}:\n{h.Text()}");
        return false;
    }

    [Theory]
    [InlineData("pt", "Novo:0", "Alterar:0", "Eliminar:0", "Histórico:0", "Gravar:0", "Sair:3")]
    [InlineData("en", "New:0", "Edit:0", "Delete:0", "History:0", "Save:0", "Quit:0")]
    public void The_buttons_show_their_letter(string language, params string[] buttons)
    {
        using var h = new ScreenHarness(language, Seed);
        foreach (string button in buttons)
        {
            string[] parts = button.Split(':');
            Assert.True(Underlined(h, parts[0], int.Parse(parts[1])), $"{parts[0]}: letter {parts[1]} is not marked");
        }
        h.Drive(() => h.Keys(Key.F2), Step.On<ProfileEditor>(_ =>
        {
            Assert.True(Underlined(h, language == "pt" ? "Validar" : "Validate", 0));
            Assert.True(Underlined(h, language == "pt" ? "Sair" : "Close", 0));
            h.Keys(Key.Esc);
        }));
    }

    [Fact]
    public void In_English_Alt_E_edits_Alt_D_deletes_and_Alt_C_closes_the_editor()
    {
        using var h = new ScreenHarness("en", Seed);
        h.Drive(() => h.Keys(Key.E.WithAlt), Step.On<ProfileEditor>(e =>
        {
            Assert.Equal("Edit profile 1", e.Title);
            e.Description.Text = "Changed";
            h.Keys(Key.S.WithAlt); // Portuguese "Sair": nothing here
            Assert.Same(e, h.App.TopRunnable);
            h.Keys(Key.C.WithAlt); // Close: asks first, something changed
        }), Step.On<Dialog>(_ => h.Keys(Key.Y.WithAlt))); // Yes
        Assert.Equal("Um", h.Service.Load().Profiles[0].Description);

        h.Keys(Key.CursorDown);
        string? asked = null;
        h.Drive(() => h.Keys(Key.D.WithAlt), Step.On<Dialog>(_ => { asked = h.Flat(); h.Keys(Key.N.WithAlt); }));
        Assert.Contains("Delete profile 2 · Dois?", asked);

        h.Screen.Frequency.Text = "12";
        h.Screen.Table.SetFocus();
        h.Keys(Key.S.WithAlt); // Save
        Assert.Equal(12, h.Service.Load().Settings.FrequencyHours);

        string? help = null;
        h.Drive(() => h.Keys(Key.F1), Step.On<TextDialog>(d => { help = d.Text; h.Keys(Key.Esc); }));
        Assert.Contains("  F2 or Alt+N: new profile", help);
        Assert.Contains("  F4, Enter or Alt+E: edit the selected profile", help);
        Assert.Contains("  F8, Del or Alt+D: delete the selected profile", help);
        Assert.Contains("  Ctrl+Q or Alt+Q: quit", help);
        Assert.Contains("  Esc, Ctrl+Q or Alt+C: leave the editor", help);
        Assert.DoesNotContain("_", help);
    }

    [Fact]
    public void In_Portuguese_the_letters_stay_and_a_bare_letter_on_the_table_presses_nothing()
    {
        using var h = new ScreenHarness("pt", Seed);
        h.Drive(() => h.Keys(Key.A.WithAlt), Step.On<ProfileEditor>(e =>
        {
            Assert.Equal(h.Strings.Format(TextKey.Editor_TitleEdit, 1), e.Title);
            h.Keys(Key.S.WithAlt); // Sair
        }));
        foreach (char c in "naeghrNAE")
        {
            h.Keys((Key)c);
            Assert.Same(h.Screen, h.App.TopRunnable); // no button pressed by its letter alone
        }
        Assert.Equal(2, h.Service.Load().Profiles.Count);
    }
}
