using System.Net;
using MyMss.Core.Domain;
using MyMss.Core.Network;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace MyMss.Tui.Tests;

/// <summary>One meaning for each word, in the form, the help and the connection test (issue #15, defects 7 and 12).</summary>
[Collection(ScreenCollection.Name)]
public sealed class WordsTests
{
    private static ConnectionSettings Settings(ScreenHarness h, string retries) =>
        h.Service.Connection(new ProfileInput
        {
            Host = "sync.example.pt", Port = "9001", Retries = retries, TimeoutSeconds = "10",
            InternetAccess = InternetAccess.Vpn, ExternalHost = "vpn.example.pt", ExternalPort = "9443",
        }).Value!;

    /// <summary>What the test dialog shows while the first endpoint is being tried (its name takes for ever to resolve).</summary>
    private static string Running(ScreenHarness h, ConnectionSettings settings)
    {
        var tester = new ConnectionTester(async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return []; });
        using var probe = new ProbeDialog(h.Strings, settings, tester);
        string? shown = null;
        int seen = 0;
        h.Drive(() => h.App.Run(probe), Step.When<ProbeDialog>(_ => ++seen > 5, _ => { shown = h.Flat(); h.Keys(Key.Esc); }));
        return shown!;
    }

    /// <summary>What the test dialog shows once every endpoint has answered (no name resolves).</summary>
    private static string Finished(ScreenHarness h, ConnectionSettings settings)
    {
        var tester = new ConnectionTester((_, _) => Task.FromResult(Array.Empty<IPAddress>()));
        using var probe = new ProbeDialog(h.Strings, settings, tester);
        string? shown = null;
        h.Drive(() => h.App.Run(probe), Step.When<ProbeDialog>(p => p.Done, _ => { shown = h.Flat(); h.Keys(Key.Enter); }));
        return shown!;
    }

    [Fact]
    public void Retries_are_the_tries_after_the_first_in_the_label_the_help_and_the_test()
    {
        using var h = new ScreenHarness();
        Assert.Equal("Novas tentativas", h.Strings.FieldLabel(Fields.Retries));
        Assert.Contains("depois de uma ligação falhada", h.Strings[TextKey.Help_retries]);
        Assert.Contains("até 4 tentativas ao todo", h.Strings[TextKey.Help_retries]); // the default, 3, worked out
        Assert.Contains("(timeout 10 s, até 3 tentativas)", Running(h, Settings(h, "2"))); // 2 retries: 3 attempts at most
        Assert.Contains("(timeout 10 s, até 1 tentativa)", Running(h, Settings(h, "0")));
        Assert.Contains("Novas tentativas depois de uma ligação falhada", h.Strings[TextKey.Cli_OptRetries]); // mymss --help

        using var en = new ScreenHarness("en");
        Assert.Equal("Retries", en.Strings.FieldLabel(Fields.Retries));
        Assert.Contains("(timeout 10 s, up to 3 attempts)", Running(en, Settings(en, "2")));
    }

    [Theory]
    [InlineData("pt", "Servidor sync.example.pt:9001", "Endereço externo vpn.example.pt:9443")]
    [InlineData("en", "Server sync.example.pt:9001", "External address vpn.example.pt:9443")]
    public void The_test_names_each_endpoint_as_the_form_does(string language, string server, string external)
    {
        using var h = new ScreenHarness(language);
        string shown = Finished(h, Settings(h, "0"));
        Assert.Contains(server + " — ", shown);
        Assert.Contains(external + " — ", shown);
        Assert.DoesNotContain("Outside", shown);
        Assert.StartsWith(h.Strings.FieldLabel(Fields.ExternalHost), external); // the form's own words
    }

    [Fact]
    public void Required_reads_right_for_every_field_and_numbers_take_only_digits_with_the_range_in_sight()
    {
        using var h = new ScreenHarness();
        h.Drive(() => h.Keys(Key.F2),
            Step.On<ProfileEditor>(e =>
            {
                e.Code.Text = "";
                h.Keys(Key.F10);
            }),
            Step.On<ProfileEditor>(e =>
            {
                foreach (string field in new[] { Fields.Code, Fields.Description, Fields.Host, Fields.Port })
                    Assert.Contains(h.Strings.FieldLabel(field) + ": preenchimento obrigatório", e.Problems.Select(h.Strings.Describe));
                Assert.DoesNotContain(e.Problems.Select(h.Strings.Describe), d => d.Contains("é obrigatório"));

                h.Keys(Key.D1.WithAlt, Key.CursorDown); // Porta
                h.Type("9x0-0 1q");
                Assert.Equal("9001", e.Port.Text); // letters, signs and blanks refused as typed
                Assert.Contains("Porta: só algarismos (1..65535)", h.Flat());
                string screen = h.Text();
                Assert.Matches(@"Porta: +9001 +1\.\.65535", screen); // the range beside the field
                Assert.Matches(@"Timeout \(s\): +10 +1\.\.300", screen);
                Assert.Matches(@"Novas tentativas: +3 +0\.\.10", screen);
                Assert.Matches(@"Compressão: +4 +0\.\.9", screen);
                h.Keys(Key.Esc);
            }),
            Step.On<Dialog>(_ => h.Keys(Key.S.WithAlt)));

        h.Screen.Frequency.SetFocus();
        h.Type("a");
        Assert.Equal("24", h.Screen.Frequency.Text);
        Assert.Contains("Frequência de atualização de dados (horas): só algarismos (1..720)", h.Flat());
        Assert.Contains("(horas): 24     1..720", h.Text());
    }
}
