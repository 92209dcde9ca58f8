using MyMss.Core.Services;
using MyMss.Tui.Output;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using Terminal.Gui.Input;

namespace MyMss.Tui.Tests;

/// <summary>A terminal smaller than the screen needs: one centred line with the size it needs, then the whole screen back.</summary>
[Collection(ScreenCollection.Name)]
public sealed class SmallTerminalTests
{
    private static void Seed(SyncConfiguration s) => ScreenHarness.Seed(s, (1, "Rede interna"), (2, "Loja do Porto"));

    private static string[] Rows(ScreenHarness h) => h.Text().TrimEnd('\n').Split('\n');

    /// <summary>Every row blank but one, which holds exactly <paramref name="line"/>, centred.</summary>
    private static void AssertCovered(ScreenHarness h, int cols, int rows, string line)
    {
        string[] shown = Rows(h);
        Assert.Equal(rows, shown.Length);
        Assert.All(shown, r => Assert.Equal(cols, r.Length));
        int middle = (rows - 1) / 2;
        for (int r = 0; r < rows; r++)
            Assert.Equal(r == middle ? new string(' ', (cols - line.Length) / 2) + line : "", shown[r].TrimEnd());
        Assert.True(((FrugalOutput)h.App.Driver!.GetOutput()).Covered);
    }

    [Theory]
    [InlineData("pt", 75, "Precisa de 75x20", "O ecrã precisa de pelo menos 75x20; este terminal tem 74x24.")]
    [InlineData("en", 72, "Needs 72x20", "The screen needs at least 72x20; this terminal is 71x24.")]
    public void Below_the_size_it_needs_the_screen_is_one_centred_line_and_keys_wait(string language, int width, string shortLine, string longLine)
    {
        using var h = new ScreenHarness(language, Seed);
        Assert.Equal(new System.Drawing.Size(width, SmallTerminal.Rows), SmallTerminal.Needed(h.Strings));
        string whole = h.Text();

        h.App.Driver!.SetScreenSize(width - 1, 24);
        AssertCovered(h, width - 1, 24, longLine);
        h.App.Driver!.SetScreenSize(40, 10);
        AssertCovered(h, 40, 10, shortLine);
        h.Keys(Key.CursorDown, Key.F2, Key.F8); // unseen keys act on nothing
        Assert.Same(h.Screen, h.App.TopRunnable);
        Assert.Equal(1, h.Screen.SelectedCode);
        h.App.Driver!.SetScreenSize(20, 5);
        AssertCovered(h, 20, 5, shortLine.Length <= 20 ? shortLine : $"{width}x20");
        h.App.Driver!.SetScreenSize(8, 3);
        AssertCovered(h, 8, 3, $"{width}x20"[..Math.Min(8, $"{width}x20".Length)]);

        h.App.Driver!.SetScreenSize(80, 24);
        Assert.Equal(whole, h.Text()); // all of it again, as it was
        Assert.False(((FrugalOutput)h.App.Driver!.GetOutput()).Covered);
        h.App.Driver!.SetScreenSize(width, SmallTerminal.Rows - 1);
        AssertCovered(h, width, SmallTerminal.Rows - 1, h.Strings.Format(TextKey.Small_Needs, width, 20, width, 19));
    }

    [Theory]
    [InlineData("pt")]
    [InlineData("en")]
    public void At_the_size_it_needs_nothing_of_the_main_screen_or_the_editor_is_cut(string language)
    {
        using var h = new ScreenHarness(language, Seed);
        var need = SmallTerminal.Needed(h.Strings);
        h.App.Driver!.SetScreenSize(need.Width, need.Height);
        string[] main = Rows(h);
        Assert.EndsWith("⟦ " + MyMss.Tui.Screens.Keys.Mnemonic.Strip(h.Strings[TextKey.Screen_Quit]) + " ⟧ │", main[^3]);
        h.Drive(() => h.Keys(Key.F4),
            Step.On<ProfileEditor>(e =>
            {
                string editor = h.Text();
                Assert.Contains(h.Strings[TextKey.Editor_PasswordKeep] + "│", editor); // the widest line ends at the border
                Assert.Contains(h.Strings.FieldLabel(Core.Domain.Fields.Encryption), editor); // the last row of Geral
                h.Keys(Key.D2.WithAlt);
                Assert.Contains(h.Strings[TextKey.Editor_ExternalHint], h.Text());
                h.Keys(Key.Esc);
            }));
    }

    [Fact]
    public void A_terminal_that_shrinks_under_the_editor_shows_the_line_and_then_the_editor_as_it_was()
    {
        using var h = new ScreenHarness(seed: Seed);
        h.Drive(() => h.Keys(Key.F4),
            Step.On<ProfileEditor>(e =>
            {
                e.Description.Text = "Rede interna (sede)";
                string before = h.Text();
                h.App.Driver!.SetScreenSize(60, 15);
                AssertCovered(h, 60, 15, h.Strings.Format(TextKey.Small_Needs, 75, 20, 60, 15));
                h.Type("xyz"); // dropped: nothing seen, nothing typed
                h.App.Driver!.SetScreenSize(80, 24);
                Assert.Equal(before, h.Text());
                Assert.Equal("Rede interna (sede)", e.Description.Text);
                h.Keys(Key.F10);
            }));
        Assert.Equal("Rede interna (sede)", h.Service.Profile(1)!.Description);
    }
}
