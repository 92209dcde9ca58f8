using MyMss.Core.Services;
using MyMss.Tui.Screens;
using Terminal.Gui.Input;

namespace MyMss.Tui.Tests;

/// <summary>How the closed and the open lists look (issue #15, defect 9).</summary>
[Collection(ScreenCollection.Name)]
public sealed class PickerTests
{
    private static void TwentyFive(SyncConfiguration s) =>
        ScreenHarness.Seed(s, Enumerable.Range(1, 25).Select(i => (i, $"Loja nº {i}")).ToArray());

    private static string[] Lines(ScreenHarness h) => h.Text().TrimEnd('\n').Split('\n');

    [Fact]
    public void The_open_list_has_a_border_under_the_field_and_covers_the_table_cleanly()
    {
        using var h = new ScreenHarness(seed: TwentyFive);
        var field = h.Screen.AlternativeProfile.FrameToScreen();
        h.Screen.AlternativeProfile.SetFocus();
        h.Keys(Key.Enter);
        string[] lines = Lines(h);
        int top = field.Bottom; // the list's top border is the row under the field
        Assert.Equal('┌', lines[top][field.X]);
        int right = lines[top].IndexOf('┐', field.X);
        Assert.True(right > field.X + "20 · Loja nº 20".Length, lines[top]);
        int bottom = Array.FindIndex(lines, top + 1, l => l.Length > field.X && l[field.X] == '└');
        Assert.True(bottom > top + 10, h.Text());
        for (int row = top + 1; row < bottom; row++)
        {
            Assert.Equal('│', lines[row][field.X]); // every item between two borders: nothing of the table runs into it
            Assert.Equal('│', lines[row][right]);
        }
        Assert.Contains("│(nenhum)", lines[top + 1]);
        Assert.Contains("│1 · Loja nº 1 ", lines[top + 2]);
        for (int row = 1; row < 22; row++)
            Assert.Equal('│', lines[row][79]); // the window's right border is still there
        h.Keys(Key.Esc);
        Assert.DoesNotContain("┌", Lines(h)[top]); // closed again: the table's border comes back
        Assert.Contains("Código▲│Descrição", h.Text());
    }

    [Fact]
    public void The_closed_field_uses_the_width_of_the_screen_and_cuts_long_items_with_an_ellipsis()
    {
        const string longest = "Armazém central de distribuição da zona norte"; // too long for 80 columns, not for 100
        using var h = new ScreenHarness(seed: s => ScreenHarness.Seed(s, (1, longest)));
        string row = Lines(h)[h.Screen.DefaultProfile.FrameToScreen().Y];
        Assert.Matches("1 · Armazém central de distribui[^│]*… ▼ │$", row); // 80 columns: cut, and the cut is shown
        h.App.Driver!.SetScreenSize(100, 30);
        row = Lines(h)[h.Screen.DefaultProfile.FrameToScreen().Y];
        Assert.True(h.Screen.DefaultProfile.Frame.Width > 55, $"{h.Screen.DefaultProfile.Frame.Width} columns at 100 wide");
        Assert.Contains("1 · " + longest, row); // 100 columns: all of it
        Assert.DoesNotContain("…", row);
    }
}
