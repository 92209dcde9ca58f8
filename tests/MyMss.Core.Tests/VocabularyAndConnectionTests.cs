using MyMss.Core.Domain;
using MyMss.Core.Network;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Testing;

namespace MyMss.Core.Tests;

/// <summary>One vocabulary for enumerated values; the connection fields validated alone; the filter laid over the catalogue.</summary>
public sealed class VocabularyAndConnectionTests
{
    private static readonly SyncOptions Options = TestProfiles.Options;

    [Fact]
    public void Every_value_has_one_word_that_reads_back_and_old_spellings_are_read_only_when_asked()
    {
        foreach (InternetAccess a in Enum.GetValues<InternetAccess>())
        {
            string word = Vocabulary.InternetAccess.Of(a);
            Assert.Equal(word.ToLowerInvariant(), word);
            Assert.True(Vocabulary.InternetAccess.TryParse(" " + word.ToUpperInvariant() + " ", out InternetAccess back));
            Assert.Equal(a, back);
            Assert.True(Vocabulary.InternetAccess.TryParse(a.ToString(), out back, legacy: true));
            Assert.Equal(a, back);
        }
        Assert.Equal("none|mobile|vpn|public", Vocabulary.InternetAccess.All);
        Assert.False(Vocabulary.InternetAccess.TryParse("MobileData", out _));
        Assert.False(Vocabulary.InternetAccess.TryParse("1", out _, legacy: true));
        foreach (ProbeOutcome o in Enum.GetValues<ProbeOutcome>())
            Assert.True(ProbeVocabulary.Outcome.TryParse(ProbeVocabulary.Outcome.Of(o), out ProbeOutcome back) && back == o);
        foreach (ImportChangeKind k in Enum.GetValues<ImportChangeKind>())
            Assert.True(ImportVocabulary.Change.TryParse(ImportVocabulary.Change.Of(k), out ImportChangeKind back) && back == k);
        foreach (Direction d in Enum.GetValues<Direction>())
            Assert.Equal(d, TableTransfer.Of("Artigos", d).Direction);
        Assert.Null(new TableTransfer("Artigos", false, false).Direction);
    }

    [Fact]
    public void The_audit_records_the_same_words_as_the_command_line()
    {
        SyncProfile p = new(1, "D", "h.pt", 9001, 10, 3, 4, true, InternetAccess.MobileData, "x.pt", 9001,
            new TransferFilter(true, [TableTransfer.Of("Artigos", Direction.Send), TableTransfer.Of("Preços", Direction.Both)]), PasswordHash.None);
        var changes = AuditDiff.Profile(null, p).ToDictionary(c => c.Field, c => c.After);
        Assert.Equal("mobile", changes[Fields.InternetAccess]);
        Assert.Equal("on", changes[Fields.Encryption]);
        Assert.Equal("on: Artigos:send, Preços:both", changes[Fields.TransferFilter]);
    }

    [Fact]
    public void A_connection_is_validated_without_code_description_password_or_filter()
    {
        var input = new ProfileInput { Code = "", Description = "", Host = "10.0.0.5", Port = "9001", InternetAccess = InternetAccess.Vpn, ExternalHost = "vpn.example.pt", FilterEnabled = true };
        var (connection, errors) = ProfileRules.ValidateConnection(input, Options);
        Assert.Empty(errors);
        Assert.Equal(new ConnectionSettings("10.0.0.5", 9001, 10, 3, InternetAccess.Vpn, "vpn.example.pt", 9001), connection);
        // ...while the whole profile is refused for exactly those fields.
        var whole = ProfileRules.Validate(input, Options, creating: true).Errors.Select(e => e.Field).ToList();
        Assert.Equal([Fields.Code, Fields.Description, Fields.Password, Fields.TransferFilter], whole);
    }

    [Fact]
    public void A_connection_keeps_the_rules_of_its_own_fields_the_MSS_port_among_them()
    {
        var input = new ProfileInput { Host = "bad host", Port = "9000", TimeoutSeconds = "0", Retries = "11", InternetAccess = InternetAccess.MobileData };
        var (connection, errors) = ProfileRules.ValidateConnection(input, Options);
        Assert.Null(connection);
        Assert.Equal([Fields.Host, Fields.Port, Fields.TimeoutSeconds, Fields.Retries, Fields.ExternalHost], errors.Select(e => e.Field));
        Assert.Contains(errors, e => e.MessageKey == MessageKeys.PortIsMssPort);
    }

    [Fact]
    public void A_filter_is_laid_over_the_catalogue_in_its_order_and_spelling()
    {
        IReadOnlyList<TableTransfer> rows = TransferFilter.Over(["Artigos", "Preços", "Rotas"],
            [new TableTransfer("rotas", true, false), new TableTransfer("Desconhecida", true, true), new TableTransfer("ARTIGOS", false, true)]);
        Assert.Equal([new TableTransfer("Artigos", false, true), new TableTransfer("Preços", false, false), new TableTransfer("Rotas", true, false)], rows);
    }
}
