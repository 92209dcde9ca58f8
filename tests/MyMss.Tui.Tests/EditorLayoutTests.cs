using MyMss.Core.Services;
using MyMss.Tui.Screens;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using TgAttribute = Terminal.Gui.Drawing.Attribute;

namespace MyMss.Tui.Tests;

/// <summary>
/// The editor stands in the main window's place: the same frame in the same colours, its tab box where the table's box
/// is. Cells that do not change cost nothing on the wire, so opening the editor sends only what differs (README,
/// Performance: ≤ 1.5 KB at 256 colours, measured by bench/run; a dialog of its own colours and frame repaints all 1,920
/// cells, ~2.3 KB).
/// </summary>
[Collection(ScreenCollection.Name)]
public sealed class EditorLayoutTests
{
    private static (string Glyph, TgAttribute? Attr)[,] Cells(ScreenHarness h)
    {
        h.App.LayoutAndDraw();
        Cell[,] contents = h.App.Driver!.Contents!;
        var cells = new (string, TgAttribute?)[contents.GetLength(0), contents.GetLength(1)];
        for (int r = 0; r < contents.GetLength(0); r++)
            for (int c = 0; c < contents.GetLength(1); c++)
                cells[r, c] = (contents[r, c].Grapheme, contents[r, c].Attribute);
        return cells;
    }

    [Theory]
    [InlineData("pt")]
    [InlineData("en")]
    public void The_editor_keeps_the_main_screens_frame_colours_and_box_rows(string language)
    {
        using var h = new ScreenHarness(language, s => ScreenHarness.Seed(s, (1, "Rede interna"), (2, "Loja do Porto")));
        var main = Cells(h);
        int rows = main.GetLength(0), cols = main.GetLength(1);
        string[] mainText = h.Text().Split('\n');
        int tableBottom = Array.FindLastIndex(mainText, l => l.Length > 2 && l[1] == '╰');
        Assert.True(tableBottom > 10, "the main screen's table box ends low on the screen");

        foreach (Key open in new[] { Key.F2, Key.F4 })
            h.Drive(() => h.Keys(open),
                Step.On<ProfileEditor>(e =>
                {
                    var editor = Cells(h);
                    var differing = new List<string>();
                    void Same(int r, int c)
                    {
                        if (main[r, c] != editor[r, c])
                            differing.Add($"({r},{c}) '{main[r, c].Glyph}' {main[r, c].Attr} -> '{editor[r, c].Glyph}' {editor[r, c].Attr}");
                    }
                    // the window's frame: both sides and the bottom row, in the same colours (the status bar below it changes)
                    for (int r = 1; r < rows - 1; r++)
                    {
                        Same(r, 0);
                        Same(r, cols - 1);
                    }
                    for (int c = 0; c < cols; c++)
                        Same(rows - 2, c);
                    // the tab box closes on the table box's bottom row, and its sides run down the table box's sides
                    for (int c = 1; c < cols - 1; c++)
                        Same(tableBottom, c);
                    for (int r = tableBottom - 8; r < tableBottom; r++)
                    {
                        Same(r, 1);
                        Same(r, cols - 2);
                    }
                    Assert.True(differing.Count == 0, string.Join("\n", differing));
                    h.Keys(Key.Esc);
                }));
    }

    [Fact]
    public void The_ranges_of_the_number_fields_stand_in_one_column()
    {
        using var h = new ScreenHarness("pt", s => ScreenHarness.Seed(s, (1, "Rede interna")));
        h.Drive(() => h.Keys(Key.F2),
            Step.On<ProfileEditor>(e =>
            {
                string[] lines = h.Text().Split('\n');
                int[] columns = new[] { "1..65535", "1..300", "0..10", "0..9" }
                    .Select(range => lines.Single(l => l.Contains(" " + range + " ", StringComparison.Ordinal)).IndexOf(" " + range + " ", StringComparison.Ordinal))
                    .Distinct().ToArray();
                Assert.Single(columns);
                h.Keys(Key.Esc);
            }));
    }
}
