using MyMss.Core.Services;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Views;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace MyMss.Tui.Tests;

/// <summary>The profile table with more profiles than rows on an 80x24 screen (issue #15, defect 1).</summary>
[Collection(ScreenCollection.Name)]
public sealed class ProfileTableTests
{
    private static void Seventeen(SyncConfiguration s) =>
        ScreenHarness.Seed(s, Enumerable.Range(1, 17).Select(i => (i, $"Loja nº {i}")).ToArray());

    private static string[] Lines(ScreenHarness h) => h.Text().TrimEnd('\n').Split('\n');

    /// <summary>The screen row that shows profile <paramref name="code"/>, or -1 when it is not on screen.</summary>
    private static int RowOf(ScreenHarness h, int code)
    {
        string[] lines = Lines(h);
        return Array.FindIndex(lines, l => l.Contains($"{code,7}│Loja nº {code} "));
    }

    /// <summary>The first table line under the table's top border.</summary>
    private static string FirstTableLine(ScreenHarness h) => Lines(h)[h.Screen.Table.FrameToScreen().Y + 1];

    /// <summary>Whether the row of <paramref name="code"/> is drawn as the selected row (in the colours of the focus).</summary>
    private static bool Highlighted(ScreenHarness h, int code)
    {
        int row = RowOf(h, code);
        int column = Lines(h)[row].IndexOf("Loja", StringComparison.Ordinal);
        Attribute focus = h.Screen.Table.GetAttributeForRole(VisualRole.Focus);
        return h.App.Driver!.Contents![row, column].Attribute == focus;
    }

    private static void AssertSelectedAndShown(ScreenHarness h, int code)
    {
        Assert.Equal(code, h.Screen.SelectedCode);
        Assert.True(RowOf(h, code) > 0, $"profile {code} is selected but not on screen:\n{h.Text()}");
        Assert.True(Highlighted(h, code), $"the row of profile {code} is not highlighted");
        Assert.StartsWith("Código▲│Descrição", FirstTableLine(h).Trim('│', '┃', ' '));
    }

    [Fact]
    public void After_deleting_a_scrolled_to_row_the_neighbour_is_selected_shown_and_edited_with_the_header_in_place()
    {
        using var h = new ScreenHarness(seed: Seventeen);
        h.Keys(Key.End.WithCtrl, Key.CursorUp, Key.CursorUp);
        AssertSelectedAndShown(h, 15);
        h.Drive(() => h.Keys(Key.F8), Step.On<Dialog>(_ => h.Keys(Key.S.WithAlt))); // Sim
        Assert.DoesNotContain(h.Service.Load().Profiles, p => p.Code == 15);
        AssertSelectedAndShown(h, 16); // the row that took its place
        h.Drive(() => h.Keys(Key.A.WithAlt), Step.On<ProfileEditor>(e =>
        {
            Assert.Equal(h.Strings.Format(TextKey.Editor_TitleEdit, 16), e.Title); // the profile on screen, not another
            h.Keys(Key.Esc);
        }));
        h.Keys(Key.End);
        h.Drive(() => h.Keys(Key.F8), Step.On<Dialog>(_ => h.Keys(Key.S.WithAlt)));
        AssertSelectedAndShown(h, 16); // the last row went: the one above it
    }

    [Fact]
    public void A_created_profile_is_selected_and_shown_at_the_end_of_a_long_table()
    {
        using var h = new ScreenHarness(seed: Seventeen);
        h.Drive(() => h.Keys(Key.F2), Step.On<ProfileEditor>(e =>
        {
            e.Description.Text = "Loja nº 18";
            e.Password.Text = e.PasswordConfirmation.Text = "pw";
            e.Host.Text = "h.pt";
            e.Port.Text = "9018";
            h.Keys(Key.F10);
        }));
        AssertSelectedAndShown(h, 18);
    }

    [Fact]
    public void End_Home_and_the_page_keys_move_the_selection_and_the_header_never_scrolls_away()
    {
        using var h = new ScreenHarness(seed: Seventeen);
        const int page = 11; // rows of profiles at 80x24
        h.Keys(Key.End);
        AssertSelectedAndShown(h, 17);
        Assert.Contains("Perfis de sincronização 17/17", Lines(h)[h.Screen.Table.FrameToScreen().Y]); // where the view is in the list
        h.Keys(Key.Home);
        AssertSelectedAndShown(h, 1);
        Assert.Contains("Perfis de sincronização 1/17", h.Text());
        h.Keys(Key.PageDown);
        AssertSelectedAndShown(h, 1 + page);
        h.Keys(Key.PageDown);
        AssertSelectedAndShown(h, 17);
        h.Keys(Key.PageUp);
        AssertSelectedAndShown(h, 17 - page);
        h.Keys(Key.Home.WithCtrl, Key.CursorUp); // at the top ↑ stays on the table
        AssertSelectedAndShown(h, 1);
        Assert.Same(h.Screen.Table, h.Focused);
    }

    [Fact]
    public void A_scroll_bar_shows_where_the_rows_on_screen_are_in_the_list()
    {
        using var h = new ScreenHarness(seed: Seventeen);
        char Bar(int line) => Lines(h)[line][h.Screen.Table.FrameToScreen().Right - 2];
        int first = h.Screen.Table.FrameToScreen().Y + 3, last = first + 11 - 1;
        Assert.Equal('█', Bar(first));
        Assert.Equal('░', Bar(last));
        h.Keys(Key.End);
        Assert.Equal('░', Bar(first));
        Assert.Equal('█', Bar(last));

        using var few = new ScreenHarness(seed: s => ScreenHarness.Seed(s, (1, "Um"), (2, "Dois")));
        Assert.DoesNotContain("█", few.Text()); // no bar and no position when every profile fits
        Assert.DoesNotContain("1/2", few.Text());
    }

    [Fact]
    public void A_long_description_ends_in_an_ellipsis_and_the_table_follows_a_smaller_terminal()
    {
        const string longest = "Armazém central de distribuição da zona norte — expedição 24h"; // 60 characters, the most allowed
        const string wide = "東京本店の倉庫と配送センター、北地区の出荷と返品の窓口、二十四時間"; // 33 characters, two cells each
        using var h = new ScreenHarness(seed: s =>
        {
            Seventeen(s);
            ScreenHarness.Seed(s, (18, longest[..60]), (19, wide));
        });
        h.Keys(Key.End, Key.CursorUp);
        Assert.Contains(longest[..60], h.Text()); // 80 columns: it fits
        h.App.Driver!.SetScreenSize(75, 20); // the smallest the screen takes: shorter, and the selected row still on screen
        Assert.Equal(18, h.Screen.SelectedCode);
        Assert.Contains("     18│" + longest[..60], h.Text());
        Assert.Contains("Código▲│Descrição", h.Text());
        h.Keys(Key.CursorDown);
        Assert.Contains("     19│" + wide[..30] + "…", h.Text()); // 66 cells do not fit in 62: cut where a character ends
    }
}
