using MyMss.Core.Domain;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using Terminal.Gui.Input;

namespace MyMss.Tui.Tests;

/// <summary>The history reads in the words of the screen; the records keep the vocabulary (issue #15, defect 10).</summary>
[Collection(ScreenCollection.Name)]
public sealed class AuditTextTests
{
    private static void Seed(SyncConfiguration s)
    {
        ScreenHarness.Seed(s, (1, "Um"));
        ProfileInput one = ProfileInput.From(s.Load().Find(1)!);
        Assert.True(s.UpdateProfile(1, one with
        {
            FilterEnabled = true,
            Tables = TransferFilter.Over(s.Options.Tables, [new TableTransfer("Artigos", false, true), new TableTransfer("Encomendas", true, false)]),
            Password = "new-secret", PasswordConfirmation = "new-secret",
        }).IsOk);
    }

    /// <summary>Each change of F9's list, selected in turn: its line, then its fields as shown under the list.</summary>
    private static string History(ScreenHarness h)
    {
        var text = new List<string>();
        h.Drive(() => h.Keys(Key.F9), Step.On<HistoryDialog>(d =>
        {
            for (int i = 0; i < d.Entries.Count; i++)
            {
                d.List.SelectedItem = i;
                text.Add(AuditText.Heading(h.Strings, d.Entries[i]));
                text.AddRange(d.Details.Split('\n'));
            }
            h.Keys(Key.Esc);
        }));
        return string.Join("\n", text);
    }

    [Theory]
    [InlineData("pt", "Filtro de transferência: desligado (transfere todas as tabelas) → Artigos: receber; Encomendas: enviar", "Password: definida", "Password: alterada")]
    [InlineData("en", "Transfer filter: off (every table is transferred) → Artigos: receive; Encomendas: send", "Password: set", "Password: changed")]
    public void F9_shows_the_filter_and_the_password_in_the_words_of_the_screen(string language, string filter, string created, string changed)
    {
        using var h = new ScreenHarness(language, Seed);
        string history = History(h);
        Assert.Contains(filter, history);
        Assert.DoesNotContain("receive,", history);
        Assert.DoesNotContain("→ on:", history);
        string[] entries = history.Split('\n');
        int update = Array.FindIndex(entries, l => l.Contains(h.Strings[TextKey.Audit_ProfileUpdated]));
        int create = Array.FindIndex(entries, l => l.Contains(h.Strings[TextKey.Audit_ProfileCreated]));
        Assert.Contains("  " + changed, entries[update..create]);
        Assert.Contains("  " + created, entries[create..]);
        Assert.DoesNotContain("  " + changed, entries[create..]);
    }

    [Fact]
    public void The_audit_records_keep_the_vocabulary_words()
    {
        using var h = new ScreenHarness(seed: Seed);
        FieldChange filter = h.Service.Audit(10).First(e => e.Action == AuditActions.ProfileUpdated).Changes.Single(c => c.Field == Fields.TransferFilter);
        Assert.Equal(("off", "on: Artigos:receive, Encomendas:send"), (filter.Before, filter.After)); // what --json writes
    }
}
