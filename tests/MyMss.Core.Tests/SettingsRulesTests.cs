using MyMss.Core.Domain;
using MyMss.Core.Rules;

namespace MyMss.Core.Tests;

public sealed class SettingsRulesTests
{
    private static readonly int[] Codes = [1, 2];

    [Theory]
    [InlineData("0", false)]
    [InlineData("1", true)]
    [InlineData("24", true)]
    [InlineData("720", true)]
    [InlineData("721", false)]
    [InlineData("", false)]
    [InlineData("vinte", false)]
    public void Frequency_is_1_to_720_hours(string frequency, bool ok)
    {
        var (s, errors) = SettingsRules.Validate(new SettingsInput(frequency, 1, null), Codes, 1);
        Assert.Equal(ok, s is not null);
        if (!ok)
            Assert.Equal(Fields.FrequencyHours, Assert.Single(errors).Field);
    }

    [Fact]
    public void Default_must_exist_and_is_required_once_profiles_exist()
    {
        Assert.Equal(MessageKeys.DefaultRequired, Assert.Single(SettingsRules.Validate(new("24", null, null), Codes, 1).Errors).MessageKey);
        Assert.Empty(SettingsRules.Validate(new("24", null, null), [], 1).Errors);
        Assert.Equal(MessageKeys.ProfileNotFound, Assert.Single(SettingsRules.Validate(new("24", 7, null), Codes, 1).Errors).MessageKey);
    }

    [Fact]
    public void Alternative_is_optional_must_exist_and_differ_from_the_default()
    {
        Assert.Empty(SettingsRules.Validate(new("24", 1, 2), Codes, 1).Errors);
        Assert.Empty(SettingsRules.Validate(new("24", 1, null), Codes, 1).Errors);
        var same = Assert.Single(SettingsRules.Validate(new("24", 1, 1), Codes, 1).Errors);
        Assert.Equal((Fields.AlternativeProfile, MessageKeys.AlternativeEqualsDefault), (same.Field, same.MessageKey));
        Assert.Equal(MessageKeys.ProfileNotFound, Assert.Single(SettingsRules.Validate(new("24", 1, 9), Codes, 1).Errors).MessageKey);
    }

    [Fact]
    public void All_settings_problems_are_reported_at_once()
    {
        var errors = SettingsRules.Validate(new("0", 7, 7), Codes, 1).Errors;
        Assert.Equal([Fields.FrequencyHours, Fields.DefaultProfile, Fields.AlternativeProfile], errors.Select(e => e.Field));
    }
}
