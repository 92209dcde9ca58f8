using MyMss.Core.Domain;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using Terminal.Gui.Input;

namespace MyMss.Tui.Tests;

/// <summary>Finding, sorting and jumping in the profile table, keyboard only.</summary>
[Collection(ScreenCollection.Name)]
public sealed class FindTests
{
    private static void Seed(SyncConfiguration s) => ScreenHarness.Seed(s,
        (1, "Loja do Porto"), (2, "São João da Madeira"), (3, "Sede"), (12, "Armazém"), (21, "Lisboa"));

    private static int[] Codes(ScreenHarness h) => h.Screen.Table.Rows.Select(r => r.Code).ToArray();

    /// <summary>The table's title line (its top border) as drawn.</summary>
    private static string TitleLine(ScreenHarness h) => h.Text().Split('\n')[h.Screen.Table.FrameToScreen().Y];

    /// <summary>The table's header line as drawn, without the borders.</summary>
    private static string Header(ScreenHarness h) => h.Text().Split('\n')[h.Screen.Table.FrameToScreen().Y + 1].Trim('│', ' ');

    [Fact]
    public void Slash_finds_by_description_without_accents_or_by_code_as_typed_and_Esc_clears()
    {
        using var h = new ScreenHarness(seed: Seed);
        h.Keys((Key)'/');
        Assert.True(h.Screen.Table.Typing);
        h.Type("SAO");
        Assert.Equal([2], Codes(h));
        Assert.Equal(2, h.Screen.SelectedCode);
        Assert.Contains("Perfis de sincronização · procurar: SAO_ (1 de 5)", TitleLine(h));
        Assert.DoesNotContain("│Loja do Porto", h.Text()); // (the default profile's field still names it)
        h.Keys(Key.Backspace, Key.Backspace, Key.Backspace);
        Assert.Equal(5, Codes(h).Length); // nothing typed: every profile
        h.Type("1");
        Assert.Equal([1, 12, 21], Codes(h)); // codes that contain 1
        h.Type("?"); // typed into the find, not the help key
        Assert.Empty(Codes(h));
        Assert.Null(h.Screen.SelectedCode);
        Assert.Contains("procurar: 1?_ (0 de 5)", TitleLine(h));
        h.Keys(Key.Backspace, Key.CursorDown);
        Assert.Equal(12, h.Screen.SelectedCode); // the arrows move among the matches while typing
        h.Keys(Key.Enter); // keeps the find, ends the typing
        Assert.False(h.Screen.Table.Typing);
        Assert.Contains("procurar: 1 (3 de 5)", TitleLine(h));
        h.Drive(() => h.Keys(Key.Enter), Step.On<ProfileEditor>(e => // Enter is Alterar again
        {
            Assert.Equal(h.Strings.Format(TextKey.Editor_TitleEdit, 12), e.Title);
            h.Keys(Key.Esc);
        }));
        Assert.Equal([1, 12, 21], Codes(h)); // the find stays while the editor comes and goes
        h.Keys(Key.Esc);
        Assert.Equal([1, 2, 3, 12, 21], Codes(h));
        Assert.Equal(12, h.Screen.SelectedCode);
        Assert.DoesNotContain("procurar", TitleLine(h));
    }

    [Fact]
    public void Ctrl_F_in_another_field_brings_the_cursor_to_the_table_and_the_find_stays_when_it_leaves()
    {
        using var h = new ScreenHarness("en", Seed);
        h.Screen.Frequency.SetFocus();
        h.Keys(Key.F.WithCtrl);
        Assert.Same(h.Screen.Table, h.Focused);
        h.Type("armazem");
        Assert.Equal([12], Codes(h));
        Assert.Contains("Sync profiles · find: armazem_ (1 of 5)", TitleLine(h));
        h.Keys(Key.Tab); // the cursor leaves: the typing ends, the find stays
        Assert.False(h.Screen.Table.Typing);
        Assert.Contains("find: armazem (1 of 5)", TitleLine(h));
        h.Screen.Table.SetFocus();
        h.Type("3"); // not typing: a digit jumps to a code (and 3 is hidden by the find)
        Assert.Equal(12, h.Screen.SelectedCode);
    }

    [Fact]
    public void Digits_typed_on_the_table_jump_to_that_code()
    {
        using var h = new ScreenHarness(seed: Seed);
        h.Type("21");
        Assert.Equal(21, h.Screen.SelectedCode);
        Assert.Same(h.Screen, h.App.TopRunnable);
        h.Keys(Key.Home);
        h.Type("3");
        Assert.Equal(3, h.Screen.SelectedCode);
    }

    [Fact]
    public void F7_sorts_by_code_and_by_description_both_ways_and_the_header_marks_which()
    {
        using var h = new ScreenHarness(seed: Seed);
        Assert.StartsWith("Código▲│Descrição", Header(h));
        h.Keys(Key.F7);
        Assert.Equal([21, 12, 3, 2, 1], Codes(h));
        Assert.StartsWith("Código▼│Descrição", Header(h));
        Assert.Contains("Tabela ordenada por Código, decrescente.", h.Text());
        h.Keys(Key.O.WithAlt);
        Assert.Equal([12, 21, 1, 2, 3], Codes(h)); // Armazém, Lisboa, Loja do Porto, São João (as "sao"), Sede
        Assert.StartsWith("Código│Descrição▲", Header(h).Replace(" ", ""));
        h.Keys(Key.F7);
        Assert.Equal([3, 2, 1, 21, 12], Codes(h));
        Assert.Equal(1, h.Screen.SelectedCode); // the same profile stays selected whatever the order
        h.Screen.StartFind();
        h.Type("o"); // Loja do Porto, São João, Lisboa
        Assert.Equal([2, 1, 21], Codes(h)); // a find keeps the sort
        h.Keys(Key.Enter, Key.F7);
        Assert.Equal([1, 2, 21], Codes(h)); // and a sort keeps the find
        Assert.StartsWith("Código▲│", Header(h));
    }

    [Fact]
    public void Sorting_by_description_puts_numbers_in_their_order_and_ignores_case_and_accents()
    {
        using var h = new ScreenHarness(seed: s => ScreenHarness.Seed(s,
            (1, "Loja 10"), (2, "loja 9"), (3, "Loja 1"), (4, "Loja 007"), (5, "Lója 2 Norte"), (6, "Loja 2"), (7, "Armazém 12")));
        h.Keys(Key.O.WithAlt, Key.O.WithAlt);
        Assert.StartsWith("Código│Descrição▲", Header(h).Replace(" ", ""));
        Assert.Equal([7, 3, 6, 5, 4, 2, 1], Codes(h)); // Armazém 12, Loja 1, Loja 2, Lója 2 Norte, Loja 007, loja 9, Loja 10
        h.Keys(Key.F7);
        Assert.Equal([1, 2, 4, 5, 6, 3, 7], Codes(h));
    }

    [Theory]
    [InlineData("loja 9", "loja 10", -1)]
    [InlineData("loja 10", "loja 9", 1)]
    [InlineData("loja 007", "loja 7", 0)]
    [InlineData("loja 2", "loja 2 norte", -1)]
    [InlineData("a10b2", "a10b10", -1)]
    [InlineData("99999999999999999999", "100000000000000000000", -1)] // beyond any integer type
    [InlineData("abc", "abd", -1)]
    [InlineData("", "a", -1)]
    public void Natural_order_compares_runs_of_digits_as_numbers(string a, string b, int sign) =>
        Assert.Equal(sign, Math.Sign(Folding.CompareNatural(a, b)));

    [Fact]
    public void A_profile_created_while_the_find_hides_it_is_shown_and_selected()
    {
        using var h = new ScreenHarness(seed: Seed);
        h.Keys((Key)'/');
        h.Type("sede");
        h.Keys(Key.Enter);
        h.Drive(() => h.Keys(Key.F2), Step.On<ProfileEditor>(e =>
        {
            e.Description.Text = "Nova loja";
            e.Password.Text = e.PasswordConfirmation.Text = "pw";
            e.Host.Text = "h.pt";
            e.Port.Text = "9100";
            h.Keys(Key.F10);
        }));
        Assert.Equal(22, h.Screen.SelectedCode);
        Assert.Equal("", h.Screen.Table.Query);
        Assert.Equal(6, Codes(h).Length);
    }

    [Fact]
    public void With_ten_thousand_profiles_a_key_of_the_find_makes_no_string_per_profile()
    {
        using var h = new ScreenHarness();
        var rows = Enumerable.Range(1, 10_000).Select(i => new ProfileSummary(i, $"Perfil nº {i} — Loja {(i % 7 == 0 ? "São João" : "Porto")}")).ToList();
        long BytesPerKey(IReadOnlyList<ProfileSummary> table)
        {
            h.Screen.Table.SetRows(table);
            h.Screen.ClearFind();
            h.Screen.StartFind();
            h.Type("l"); // the first key folds each description once
            h.Text();
            long before = GC.GetAllocatedBytesForCurrentThread();
            h.Type("oja sao");
            h.Text();
            return (GC.GetAllocatedBytesForCurrentThread() - before) / 7;
        }
        long five = BytesPerKey(rows.Take(5).ToList()); // what a key costs the screen anyway (input, layout, drawing)
        long tenThousand = BytesPerKey(rows);
        Assert.Equal(10_000 / 7, h.Screen.Table.Rows.Count);
        // 10,000 strings of ~40 characters would be ~1 MB a key; the matches' row numbers are 40 KB at most.
        Assert.True(tenThousand - five < 100_000, $"{tenThousand - five:N0} bytes more per key with 10,000 profiles than with 5");
    }
}
