using MyMss.Core.Domain;
using MyMss.Core.Ports;
using MyMss.Core.Rules;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Tests;

/// <summary>Every key the rules, the store and the front ends can produce has a text in Portuguese and in English.</summary>
public sealed class ResourcesTests
{
    private static IEnumerable<string> Constants(Type t) => t.GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!);

    public static IEnumerable<object[]> Keys() =>
        Constants(typeof(MessageKeys))
            .Concat(Constants(typeof(StoreMessageKeys)))
            .Concat(Constants(typeof(Fields)).Select(f => "Field_" + f))
            .Concat(Constants(typeof(Fields)).Except([Fields.Version, Fields.SchemaVersion, Fields.Settings, Fields.Profiles, Fields.File]).Select(f => "Help_" + f).Where(k => k != "Help_passwordConfirmation"))
            .Concat(AuditActions.All.Select(a => "Audit_" + a))
            .Concat(Enum.GetNames<InternetAccess>().Select(a => "Access_" + a))
            .Distinct()
            .Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_key_has_a_text_in_both_languages(string key)
    {
        foreach (string language in Strings.Languages)
        {
            string text = new Strings(language)[key];
            Assert.NotEqual(key, text);
            Assert.False(string.IsNullOrWhiteSpace(text));
        }
    }

    [Fact]
    public void The_two_languages_really_differ()
    {
        Assert.Equal("Porta", new Strings("pt").FieldLabel(Fields.Port));
        Assert.Equal("Port", new Strings("en").FieldLabel(Fields.Port));
    }
}
