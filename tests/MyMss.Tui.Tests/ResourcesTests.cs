using System.Diagnostics;
using MyMss.Core.Domain;
using MyMss.Core.Ports;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Tests;

/// <summary>Every text exists in Portuguese and in English, and every key that Core hands out has a text.</summary>
public sealed class ResourcesTests
{
    private static IEnumerable<string> Constants(Type t) => t.GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!);

    public static IEnumerable<object[]> CoreKeys() =>
        Constants(typeof(MessageKeys)).Concat(Constants(typeof(StoreMessageKeys))).Concat(Constants(typeof(RouteWarnings)))
            .Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(CoreKeys))]
    public void Every_message_key_of_Core_has_a_text(string key) => Assert.NotNull(TextOf.Key(key));

    [Fact]
    public void Every_field_and_audit_action_has_a_label_and_every_editable_field_a_help_line()
    {
        foreach (string field in Constants(typeof(Fields)))
            Assert.NotNull(TextOf.Field(field));
        foreach (string field in Constants(typeof(Fields)).Except([Fields.Version, Fields.SchemaVersion, Fields.Settings, Fields.Profiles, Fields.File, Fields.PasswordConfirmation, Fields.Change]))
            Assert.NotNull(TextOf.Help(field));
        foreach (string action in Constants(typeof(AuditActions)))
            Assert.NotNull(TextOf.Audit(action));
    }

    [Fact]
    public void Every_text_and_both_counted_forms_exist_in_both_languages()
    {
        foreach (string language in Strings.Languages)
        {
            var s = new Strings(language);
            foreach (TextKey key in Enum.GetValues<TextKey>())
            {
                Assert.NotEqual(key.ToString(), s[key]);
                Assert.False(string.IsNullOrWhiteSpace(s[key]), $"{language} {key}");
            }
            foreach (Counted key in Enum.GetValues<Counted>())
                Assert.NotEqual(s.Count(key, 1).Replace("1", ""), s.Count(key, 2).Replace("2", ""));
        }
    }

    [Fact]
    public void Counted_texts_are_singular_for_one_only()
    {
        var pt = new Strings("pt");
        Assert.Equal("1 perfil", pt.Count(Counted.Profiles, 1));
        Assert.Equal("0 perfis", pt.Count(Counted.Profiles, 0));
        Assert.Equal("3 perfis", pt.Count(Counted.Profiles, 3));
        Assert.Equal("1 attempt", new Strings("en").Count(Counted.Attempts, 1));
    }

    [Fact]
    public void The_two_languages_really_differ()
    {
        Assert.Equal("Porta", new Strings("pt").FieldLabel(Fields.Port));
        Assert.Equal("Port", new Strings("en").FieldLabel(Fields.Port));
    }

    [Fact]
    public void The_generated_resources_match_strings_tsv_and_every_key_is_used()
    {
        string root = DocSchemas.RepoRoot;
        var psi = new ProcessStartInfo("python3", [Path.Combine(root, "tools", "gen-resx.py"), "--check"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(psi)!; // python3: installed by .ci/run where missing
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
    }
}
