using System.Globalization;
using CsCheck;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Testing;

namespace MyMss.Core.Tests;

/// <summary>Whatever a technician (or a script, or a cat on the keyboard) types, the rules answer "accepted" or give clear errors: never an exception.</summary>
public sealed class HostileInputTests
{
    private static readonly SyncOptions Options = TestProfiles.Options;

    /// <summary>Control characters, right-to-left text, emoji, other scripts' digits, 100,000 characters, huge and negative numbers.</summary>
    public static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char, 0, 80],
        Gen.OneOf<string>("", " ", "\t", "\0", "\r\n", "\u001b[2J", "\u202Eevil", "\u200F\u200E", "שלום", "مرحبا", "😀", "👩‍💻🏳️‍🌈",
            new string('9', 100_000), new string('x', 100_000), "-2147483649", "2147483648", "99999999999999999999", "-0", "+1",
            "1e9", "0x10", "٣", "１２", " 42 ", "9000", "1", "65535", "65536", "0", "127.0.0.1", "sync.example.pt", "::1", "[::1]"),
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
        Gen.Int[-5, 70000].Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    private static readonly HashSet<string> KnownFields = typeof(Fields).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
    private static readonly HashSet<string> KnownKeys = typeof(MessageKeys).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();

    private static readonly Gen<ProfileInput> Inputs =
        Gen.Select(Hostile.Array[12], Gen.Int[-1, 5], Gen.Bool.Array[3], Gen.Select(Hostile, Gen.Bool, Gen.Bool).Array[0, 12],
            (s, access, flags, tables) => new ProfileInput
            {
                Code = s[0], Description = s[1], Host = s[2], Port = s[3], TimeoutSeconds = s[4], Retries = s[5], Compression = s[6],
                ExternalHost = s[7], ExternalPort = s[8], Password = s[9], PasswordConfirmation = flags[2] ? s[10] : null,
                InternetAccess = (InternetAccess)access, Encryption = flags[0], FilterEnabled = flags[1],
                Tables = tables.Select(t => new TableTransfer(t.Item1, t.Item2, t.Item3)).ToList(),
            });

    [Fact]
    public void Profile_rules_never_throw_and_an_accepted_profile_obeys_every_rule()
    {
        Inputs.Sample(input =>
        {
            foreach (bool creating in new[] { true, false })
            {
                var (p, password, errors) = ProfileRules.Validate(input, Options, creating);
                if (p is null)
                {
                    Assert.NotEmpty(errors);
                    Assert.All(errors, e =>
                    {
                        Assert.Contains(e.Field, KnownFields);
                        Assert.Contains(e.MessageKey, KnownKeys);
                    });
                    continue;
                }
                Assert.Empty(errors);
                Assert.InRange(p.Code, 1, 99999);
                Assert.InRange(p.Description.Length, 1, 120); // 60 text elements, up to 2 UTF-16 units each
                Assert.DoesNotContain(p.Description, char.IsControl);
                Assert.True(FieldRules.IsValidHost(p.Host));
                Assert.InRange(p.Port, 1, 65535);
                Assert.NotEqual(Options.MssPort, p.Port);
                Assert.InRange(p.TimeoutSeconds, 1, 300);
                Assert.InRange(p.Retries, 0, 10);
                Assert.InRange(p.Compression, 0, 9);
                Assert.True(Enum.IsDefined(p.InternetAccess));
                Assert.Equal(p.InternetAccess == InternetAccess.None, p.ExternalHost is null);
                Assert.Equal(Options.Tables, p.TransferFilter.Tables.Select(t => t.Name));
                Assert.True(!p.TransferFilter.Enabled || p.TransferFilter.Tables.Any(t => t.Send || t.Receive));
                if (creating)
                    Assert.False(string.IsNullOrEmpty(password));
            }
        }, iter: 3000, seed: null);
    }

    [Fact]
    public void Settings_rules_never_throw()
    {
        Gen.Select(Hostile, Gen.Int[-3, 6].Array[0, 4], Gen.Int[-3, 6], Gen.Int[-3, 6]).Sample((frequency, codes, d, a) =>
        {
            int? def = d < 0 ? null : d, alt = a < 0 ? null : a;
            var (settings, errors) = SettingsRules.Validate(new SettingsInput(frequency, def, alt), codes.Distinct().ToList(), 1);
            Assert.True(settings is null ? errors.Count > 0 : errors.Count == 0);
            if (settings is not null)
                Assert.InRange(settings.FrequencyHours, 1, 720);
        }, iter: 3000);
    }

    [Fact]
    public void Whole_numbers_are_read_only_from_plain_ASCII_digits()
    {
        Hostile.Sample(text =>
        {
            var errors = new List<FieldError>();
            int? n = FieldRules.Integer(text, Fields.Port, 1, 65535, errors);
            if (n is int value)
            {
                string t = text.Trim();
                Assert.Matches("^-?[0-9]+$", t);
                Assert.Equal(value, long.Parse(t, CultureInfo.InvariantCulture));
                Assert.Empty(errors);
            }
            else
                Assert.Single(errors);
        }, iter: 5000);
    }
}
