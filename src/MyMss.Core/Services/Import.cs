using MyMss.Core.Domain;
using MyMss.Core.Rules;

namespace MyMss.Core.Services;

/// <summary>One profile read from an export file: its values as text (like any input) and its stored password hash.</summary>
public sealed record ImportedProfile(ProfileInput Input, PasswordHash Password, int Item);

/// <summary>What an export file holds, as read.</summary>
public sealed record ImportData(int SchemaVersion, SettingsInput Settings, IReadOnlyList<ImportedProfile> Profiles)
{
    /// <summary>
    /// The export format this version writes and the newest it reads. 2: enumerated values as words ("mobile");
    /// 1 wrote them as C# names ("MobileData") and is still read.
    /// </summary>
    public const int CurrentSchemaVersion = 2;
}

public enum ImportChangeKind
{
    Create,
    Update,
    Delete,
    Settings,
}

public static class ImportVocabulary
{
    public static readonly Words<ImportChangeKind> Change = new(
        (ImportChangeKind.Create, "create", null),
        (ImportChangeKind.Update, "update", null),
        (ImportChangeKind.Delete, "delete", null),
        (ImportChangeKind.Settings, "settings", null));
}

/// <summary>One thing an import changes (or would change, in a dry run), and whether the licensing reminder follows it.</summary>
public sealed record ImportChange(ImportChangeKind Kind, int? Code, string? Description, IReadOnlyList<FieldChange> Changes,
    bool LicensingRefreshAdvised = false);
