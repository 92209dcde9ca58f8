using MyMss.Core.Domain;

namespace MyMss.Core.Rules;

/// <summary>Rules of the settings record (docs/rules.md, "Sync settings").</summary>
public static class SettingsRules
{
    public const int MinFrequency = 1, MaxFrequency = 720;

    public static (SyncSettings? Settings, IReadOnlyList<FieldError> Errors) Validate(
        SettingsInput input, IReadOnlyCollection<int> existingCodes, int version)
    {
        var errors = new List<FieldError>();
        int? frequency = FieldRules.Integer(input.FrequencyHours, Fields.FrequencyHours, MinFrequency, MaxFrequency, errors);

        if (input.DefaultProfile is null)
        {
            if (existingCodes.Count > 0)
                errors.Add(new FieldError(Fields.DefaultProfile, MessageKeys.DefaultRequired));
        }
        else if (!existingCodes.Contains(input.DefaultProfile.Value))
        {
            errors.Add(new FieldError(Fields.DefaultProfile, MessageKeys.ProfileNotFound, input.DefaultProfile.Value));
        }

        if (input.AlternativeProfile is int alternative)
        {
            if (!existingCodes.Contains(alternative))
                errors.Add(new FieldError(Fields.AlternativeProfile, MessageKeys.ProfileNotFound, alternative));
            else if (alternative == input.DefaultProfile)
                errors.Add(new FieldError(Fields.AlternativeProfile, MessageKeys.AlternativeEqualsDefault));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new SyncSettings(frequency!.Value, input.DefaultProfile, input.AlternativeProfile, version), errors);
    }
}
