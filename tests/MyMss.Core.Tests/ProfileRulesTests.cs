using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Testing;

namespace MyMss.Core.Tests;

public sealed class ProfileRulesTests
{
    private static readonly SyncOptions Options = TestProfiles.Options;

    /// <summary>Profile 1 on port 9001: each test changes the one field it is about.</summary>
    private static ProfileInput Valid => TestProfiles.Input(1);

    private static IReadOnlyList<FieldError> Errors(ProfileInput input, bool creating = true) =>
        ProfileRules.Validate(input, Options, creating).Errors;

    private static void AcceptedOrRefused(ProfileInput input, string field, bool accepted, string? key = null)
    {
        var errors = Errors(input);
        if (accepted)
        {
            Assert.Empty(errors);
        }
        else
        {
            FieldError e = Assert.Single(errors);
            Assert.Equal(field, e.Field);
            if (key is not null)
                Assert.Equal(key, e.MessageKey);
        }
    }

    [Fact]
    public void A_complete_profile_is_accepted_with_its_values()
    {
        var (p, password, errors) = ProfileRules.Validate(Valid with { Description = "  Rede interna  " }, Options, creating: true);
        Assert.Empty(errors);
        Assert.NotNull(p);
        Assert.Equal(1, p.Code);
        Assert.Equal("Rede interna", p.Description);
        Assert.Equal(9001, p.Port);
        Assert.Equal(10, p.TimeoutSeconds);
        Assert.Equal(3, p.Retries);
        Assert.Equal(4, p.Compression);
        Assert.Equal(TestProfiles.Password, password);
        Assert.Same(PasswordHash.None, p.Password);
        Assert.Null(p.ExternalHost);
    }

    [Theory]
    [InlineData("0", false, MessageKeys.OutOfRange)]
    [InlineData("1", true, null)]
    [InlineData("99999", true, null)]
    [InlineData("100000", false, MessageKeys.OutOfRange)]
    [InlineData("-1", false, MessageKeys.OutOfRange)]
    [InlineData("abc", false, MessageKeys.NotAnInteger)]
    [InlineData("1e3", false, MessageKeys.NotAnInteger)]
    [InlineData("", false, MessageKeys.Required)]
    [InlineData("99999999999999999999999", false, MessageKeys.NotAnInteger)]
    public void Code_is_1_to_99999(string code, bool ok, string? key) =>
        AcceptedOrRefused(Valid with { Code = code }, Fields.Code, ok, key);

    [Theory]
    [InlineData("0", false, MessageKeys.OutOfRange)]
    [InlineData("1", true, null)]
    [InlineData("65535", true, null)]
    [InlineData("65536", false, MessageKeys.OutOfRange)]
    [InlineData("9000", false, MessageKeys.PortIsMssPort)]
    [InlineData("8999", true, null)]
    [InlineData("90 01", false, MessageKeys.NotAnInteger)]
    public void Port_is_1_to_65535_and_never_the_MSS_port(string port, bool ok, string? key) =>
        AcceptedOrRefused(Valid with { Port = port }, Fields.Port, ok, key);

    [Fact]
    public void The_MSS_port_message_names_both_ports()
    {
        FieldError e = Assert.Single(Errors(Valid with { Port = "9000" }));
        Assert.Equal([9000, 9000], e.Args.Cast<int>());
        var other = ProfileRules.Validate(Valid with { Port = "9001" }, Options with { MssPort = 9001 }, true).Errors;
        Assert.Equal([9001, 9001], Assert.Single(other).Args.Cast<int>());
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("1", true)]
    [InlineData("300", true)]
    [InlineData("301", false)]
    public void Timeout_is_1_to_300(string value, bool ok) =>
        AcceptedOrRefused(Valid with { TimeoutSeconds = value }, Fields.TimeoutSeconds, ok);

    [Theory]
    [InlineData("-1", false)]
    [InlineData("0", true)]
    [InlineData("10", true)]
    [InlineData("11", false)]
    public void Retries_are_0_to_10(string value, bool ok) =>
        AcceptedOrRefused(Valid with { Retries = value }, Fields.Retries, ok);

    [Theory]
    [InlineData("-1", false)]
    [InlineData("0", true)]
    [InlineData("9", true)]
    [InlineData("10", false)]
    public void Compression_is_0_to_9(string value, bool ok) =>
        AcceptedOrRefused(Valid with { Compression = value }, Fields.Compression, ok);

    [Theory]
    [InlineData("", false, MessageKeys.Required)]
    [InlineData("   ", false, MessageKeys.Required)]
    [InlineData("A", true, null)]
    [InlineData("tab\there", false, MessageKeys.ControlCharacters)]
    public void Description_is_required_and_without_control_characters(string value, bool ok, string? key) =>
        AcceptedOrRefused(Valid with { Description = value }, Fields.Description, ok, key);

    [Fact]
    public void Description_is_at_most_60_characters()
    {
        AcceptedOrRefused(Valid with { Description = new string('x', 60) }, Fields.Description, true);
        AcceptedOrRefused(Valid with { Description = new string('x', 61) }, Fields.Description, false, MessageKeys.TooLong);
        // Counted in characters as seen, not UTF-16 units: 60 emoji are 60 characters.
        AcceptedOrRefused(Valid with { Description = string.Concat(Enumerable.Repeat("😀", 60)) }, Fields.Description, true);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("256.1.1.1", false)]
    [InlineData("1.2.3", false)]
    [InlineData("1", false)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("[2001:db8::1]", true)]
    [InlineData("sync.example.pt", true)]
    [InlineData("server-01", true)]
    [InlineData("-server", false)]
    [InlineData("server-", false)]
    [InlineData("bad host", false)]
    [InlineData("under_score.pt", false)]
    [InlineData("a..b", false)]
    [InlineData("", false)]
    public void Host_is_a_host_name_or_an_IP_literal(string host, bool ok) =>
        AcceptedOrRefused(Valid with { Host = host }, Fields.Host, ok);

    [Fact]
    public void Host_labels_are_at_most_63_and_names_at_most_253_characters()
    {
        AcceptedOrRefused(Valid with { Host = new string('a', 63) + ".pt" }, Fields.Host, true);
        AcceptedOrRefused(Valid with { Host = new string('a', 64) + ".pt" }, Fields.Host, false);
        string name253 = string.Join('.', Enumerable.Repeat(new string('a', 49), 5)) + ".abc"; // 5*50 + 3 = 253
        Assert.Equal(253, name253.Length);
        AcceptedOrRefused(Valid with { Host = name253 }, Fields.Host, true);
        AcceptedOrRefused(Valid with { Host = "a" + name253 }, Fields.Host, false);
    }

    [Fact]
    public void Password_is_mandatory_on_create_and_blank_keeps_it_on_edit()
    {
        AcceptedOrRefused(Valid with { Password = "", PasswordConfirmation = "" }, Fields.Password, false, MessageKeys.PasswordRequired);
        var (p, password, errors) = ProfileRules.Validate(Valid with { Password = "", PasswordConfirmation = "" }, Options, creating: false);
        Assert.Empty(errors);
        Assert.NotNull(p);
        Assert.Null(password);
    }

    [Fact]
    public void Password_confirmation_must_match_unless_none_was_asked()
    {
        AcceptedOrRefused(Valid with { PasswordConfirmation = "other" }, Fields.PasswordConfirmation, false, MessageKeys.PasswordMismatch);
        AcceptedOrRefused(Valid with { PasswordConfirmation = null }, Fields.Password, true);
        // On edit, a confirmation typed without a password is a mismatch, not a silent keep.
        var errors = ProfileRules.Validate(Valid with { Password = "", PasswordConfirmation = "x" }, Options, creating: false).Errors;
        Assert.Equal(Fields.PasswordConfirmation, Assert.Single(errors).Field);
    }

    [Fact]
    public void External_host_and_port_are_required_unless_access_is_None()
    {
        AcceptedOrRefused(Valid with { InternetAccess = InternetAccess.MobileData }, Fields.ExternalHost, false, MessageKeys.Required);
        var (p, _, errors) = ProfileRules.Validate(Valid with { InternetAccess = InternetAccess.Vpn, ExternalHost = "sync.example.pt" }, Options, true);
        Assert.Empty(errors);
        Assert.Equal(9001, p!.ExternalPort); // defaults to the port
        AcceptedOrRefused(Valid with { InternetAccess = InternetAccess.PublicInternet, ExternalHost = "x.pt", ExternalPort = "65536" }, Fields.ExternalPort, false);
        var (none, _, _) = ProfileRules.Validate(Valid with { ExternalHost = "ignored.pt", ExternalPort = "1" }, Options, true);
        Assert.Null(none!.ExternalHost);
        Assert.Null(none.ExternalPort);
    }

    [Fact]
    public void An_enabled_filter_needs_at_least_one_table_ticked()
    {
        AcceptedOrRefused(Valid with { FilterEnabled = true }, Fields.TransferFilter, false, MessageKeys.FilterNeedsTable);
        var tables = Valid.Tables.Select(t => t.Name == "Stocks" ? t with { Receive = true } : t).ToList();
        var (p, _, errors) = ProfileRules.Validate(Valid with { FilterEnabled = true, Tables = tables }, Options, true);
        Assert.Empty(errors);
        Assert.Equal(10, p!.TransferFilter.Tables.Count);
        Assert.True(p.TransferFilter.Tables.Single(t => t.Name == "Stocks").Receive);
        AcceptedOrRefused(Valid with { FilterEnabled = false }, Fields.TransferFilter, true);
    }

    [Fact]
    public void Filter_tables_come_from_the_catalogue_in_its_order()
    {
        var input = Valid with { FilterEnabled = true, Tables = [new TableTransfer("rotas", true, false), new TableTransfer("Nope", true, true)] };
        FieldError e = Assert.Single(Errors(input));
        Assert.Equal(MessageKeys.UnknownTable, e.MessageKey);
        var (p, _, _) = ProfileRules.Validate(input with { Tables = [new TableTransfer("rotas", true, false)] }, Options, true);
        Assert.Equal(SyncOptions.DefaultTables, p!.TransferFilter.Tables.Select(t => t.Name));
        Assert.True(p.TransferFilter.Tables.Single(t => t.Name == "Rotas").Send);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var input = new ProfileInput
        {
            Code = "0", Description = "", Host = "bad host", Port = "9000", TimeoutSeconds = "x", Retries = "11",
            Compression = "10", InternetAccess = InternetAccess.MobileData, ExternalHost = "", ExternalPort = "0",
            FilterEnabled = true, Password = "a", PasswordConfirmation = "b",
        };
        var fields = Errors(input).Select(e => e.Field).ToList();
        Assert.Equal(
            [Fields.Code, Fields.Description, Fields.PasswordConfirmation, Fields.Host, Fields.Port, Fields.TimeoutSeconds,
             Fields.Retries, Fields.Compression, Fields.ExternalHost, Fields.ExternalPort, Fields.TransferFilter],
            fields);
    }
}
