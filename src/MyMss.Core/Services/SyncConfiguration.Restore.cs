using System.Globalization;
using MyMss.Core.Domain;
using MyMss.Core.Ports;
using MyMss.Core.Rules;

namespace MyMss.Core.Services;

/// <summary>What restoring the values from before an audit entry does, by the entry's shape.</summary>
public enum RestoreKind
{
    /// <summary>A profile change (or an import's): the changed fields take their values from before it again.</summary>
    ProfileValues,
    /// <summary>A deletion: the profile is created again from the values recorded, with a new password.</summary>
    ProfileBack,
    /// <summary>A creation: the profile is deleted.</summary>
    ProfileRemoved,
    /// <summary>A settings change: the changed settings take their values from before it again.</summary>
    Settings,
}

/// <summary>
/// What a restore of audit entry <see cref="Entry"/> would do now: which kind, on which profile, each field from its value
/// now to the value it gets back, whether a new password must be given (the history holds none), and the version of the
/// profile or settings it was worked out from (a front end shows the plan, then restores against that version).
/// </summary>
public sealed record RestorePlan(AuditEntry Entry, RestoreKind Kind, int? ProfileCode, IReadOnlyList<FieldChange> Changes, bool NeedsPassword,
    int? Version);

/// <summary>A restore done: its plan, the audit entry that records it, and what the front ends report as for any change.</summary>
public sealed record Restored(RestorePlan Plan, AuditEntry Recorded, bool BecameDefault, bool LicensingRefreshAdvised);

/// <summary>
/// A new password for a restore that needs one (<see cref="RestorePlan.NeedsPassword"/>), with its confirmation (null: not
/// asked, as from stdin), and the version the plan shown was made from (null: no check).
/// </summary>
public sealed record RestoreInput(string Password = "", string? PasswordConfirmation = null, int? ExpectedVersion = null);

/// <summary>
/// Undo from the history: the values from before an audit entry are put back through the same rules and version checks
/// as any edit, and recorded as a restore (docs/rules.md, "Restoring from the history").
/// </summary>
public sealed partial class SyncConfiguration
{
    /// <summary>
    /// What <see cref="Restore"/> would do now, or why it cannot; nothing is written. A password that will be needed is
    /// not asked for yet: the plan says so (<see cref="RestorePlan.NeedsPassword"/>).
    /// </summary>
    public Outcome<RestorePlan> PlanRestore(long id)
    {
        Planned planned = store.Read(s => Plan(s, id, new RestoreInput(), passwordGiven: false));
        return planned.Plan is RestorePlan plan ? Outcome<RestorePlan>.Ok(plan) : Outcome<RestorePlan>.Fail(planned.Status, planned.Errors);
    }

    /// <summary>
    /// Puts back the values from before audit entry <paramref name="id"/>. Refused — and nothing changes — when a field it
    /// changed has changed again since (each such field is named: restore the newer changes first), when the values no
    /// longer meet the rules in force, when a deleted profile's code is taken, when a created profile to delete is the
    /// default or the alternative, when a password is needed and not given, or when the profile or settings are no longer
    /// at <see cref="RestoreInput.ExpectedVersion"/>.
    /// </summary>
    public Outcome<Restored> Restore(long id, RestoreInput input)
    {
        Planned first = store.Read(s => Plan(s, id, input, passwordGiven: true));
        if (first.Plan is null)
            return Outcome<Restored>.Fail(first.Status, first.Errors);
        // Hash outside the unit of work: it is slow on purpose and must not hold the database.
        PasswordHash? hash = first.Password is null ? null : hasher.Hash(first.Password);
        return store.Write(s =>
        {
            Planned planned = Plan(s, id, input, passwordGiven: true);
            if (planned.Plan is not RestorePlan plan)
                return Outcome<Restored>.Fail(planned.Status, planned.Errors);
            if (input.ExpectedVersion is int expected && expected != plan.Version)
                return Outcome<Restored>.Fail(OutcomeStatus.Conflict, new FieldError(Fields.Version, MessageKeys.ChangedElsewhere, plan.ProfileCode ?? 0));
            return Outcome<Restored>.Ok(Apply(s, planned, hash));
        });
    }

    /// <summary>A plan with what applying it writes (the profile or settings the rules accepted, the new password to hash), or why not.</summary>
    private readonly record struct Planned(RestorePlan? Plan, IReadOnlyList<FieldError> Errors, OutcomeStatus Status)
    {
        public SyncProfile? Profile { get; init; }
        public SyncSettings? Settings { get; init; }
        public string? Password { get; init; }

        public static Planned Fail(OutcomeStatus status, params FieldError[] errors) => new(null, errors, status);

        public static Planned Ok(RestorePlan plan) => new(plan, [], OutcomeStatus.Ok);
    }

    /// <param name="passwordGiven">False while only planning: a password that will be needed is not a problem yet.</param>
    private Planned Plan(IStoreSession s, long id, RestoreInput input, bool passwordGiven)
    {
        if (s.GetAuditEntry(id) is not AuditEntry entry)
            return Planned.Fail(OutcomeStatus.NotFound, new FieldError(Fields.Change, MessageKeys.ChangeNotFound, id));
        if (entry.ProfileCode is not int code)
            return PlanSettings(s, entry);
        FieldChange? codeChange = entry.Changes.FirstOrDefault(c => c.Field == Fields.Code);
        SyncProfile? current = s.GetProfile(code);
        if (codeChange is { Before: null, After: not null })
        {
            // A creation: what was before it is no profile at all.
            if (current is null)
                return Planned.Fail(OutcomeStatus.NotFound, new FieldError(Fields.Code, MessageKeys.ProfileNotFound, code));
            if (ChangedSince(entry, AuditDiff.ValuesOf(current)) is { Length: > 0 } newer)
                return Planned.Fail(OutcomeStatus.Conflict, newer);
            if (Blockers(s.GetSettings() ?? DefaultSettings, code) is { Count: > 0 } blockers)
                return Planned.Fail(OutcomeStatus.Conflict, [.. blockers]);
            return Planned.Ok(new RestorePlan(entry, RestoreKind.ProfileRemoved, code, AuditDiff.Profile(current, null), false, current.Version));
        }
        if (codeChange is { Before: not null, After: null })
        {
            // A deletion: the profile comes back from the values recorded, if its code is free. The history keeps no password.
            if (current is not null)
                return Planned.Fail(OutcomeStatus.Conflict, new FieldError(Fields.Code, MessageKeys.CodeTaken, code));
            ProfileInput back = Overlay(NewProfileInput([]) with { Code = "" }, entry.Changes);
            return PlanProfile(entry, RestoreKind.ProfileBack, code, null, back, input, needsPassword: true, passwordGiven);
        }
        if (current is null)
            return Planned.Fail(OutcomeStatus.NotFound, new FieldError(Fields.Code, MessageKeys.ProfileNotFound, code));
        if (ChangedSince(entry, AuditDiff.ValuesOf(current)) is { Length: > 0 } changed)
            return Planned.Fail(OutcomeStatus.Conflict, changed);
        // A password change can only be undone by setting a new one: the hash from before is not in the history.
        bool password = entry.Changes.Any(c => c.Secret);
        return PlanProfile(entry, RestoreKind.ProfileValues, code, current, Overlay(EditInput(current), entry.Changes), input, password, passwordGiven);
    }

    private Planned PlanProfile(AuditEntry entry, RestoreKind kind, int code, SyncProfile? current, ProfileInput values, RestoreInput input,
        bool needsPassword, bool passwordGiven)
    {
        // While only planning, a stand-in lets the rules check every other field; it is never hashed.
        string password = !needsPassword ? "" : passwordGiven ? input.Password : "(asked later)";
        values = values with
        {
            Password = password,
            PasswordConfirmation = needsPassword && passwordGiven ? input.PasswordConfirmation : null,
            ExpectedVersion = null,
        };
        var (valid, typed, errors) = ProfileRules.Validate(values, options, creating: kind == RestoreKind.ProfileBack);
        var all = errors.Select(e => e.MessageKey == MessageKeys.PasswordRequired ? e with { MessageKey = MessageKeys.RestorePassword } : e).ToList();
        if (needsPassword && password.Length == 0 && all.All(e => e.Field != Fields.Password))
            all.Add(new FieldError(Fields.Password, MessageKeys.RestorePassword));
        if (valid is not null && valid.Code != code)
            all.Add(new FieldError(Fields.Code, MessageKeys.CodeImmutable));
        if (all.Count > 0)
            return new(null, all, OutcomeStatus.Invalid);
        SyncProfile restored = valid! with { Password = current?.Password ?? PasswordHash.None, Version = (current?.Version ?? 0) + 1 };
        IReadOnlyList<FieldChange> changes = AuditDiff.Profile(current, restored);
        if (needsPassword && current is not null)
            changes = [.. changes, new FieldChange(Fields.Password, null, null, Secret: true)]; // the hash is made when it is applied
        if (changes.Count == 0)
            return Planned.Fail(OutcomeStatus.Conflict, new FieldError(Fields.Change, MessageKeys.NothingToRestore, entry.Id));
        return Planned.Ok(new RestorePlan(entry, kind, code, changes, needsPassword, current?.Version)) with { Profile = restored, Password = passwordGiven ? typed : null };
    }

    private Planned PlanSettings(IStoreSession s, AuditEntry entry)
    {
        SyncSettings current = s.GetSettings() ?? DefaultSettings;
        if (ChangedSince(entry, SettingsValues(current)) is { Length: > 0 } newer)
            return Planned.Fail(OutcomeStatus.Conflict, newer);
        string frequency = current.FrequencyHours.ToString(CultureInfo.InvariantCulture);
        int? defaultProfile = current.DefaultProfile, alternative = current.AlternativeProfile;
        var errors = new List<FieldError>();
        foreach (FieldChange c in entry.Changes)
        {
            switch (c.Field)
            {
                case Fields.FrequencyHours:
                    frequency = c.Before ?? "";
                    break;
                case Fields.DefaultProfile:
                    defaultProfile = Code(c, errors);
                    break;
                case Fields.AlternativeProfile:
                    alternative = Code(c, errors);
                    break;
            }
        }
        if (errors.Count > 0)
            return new(null, errors, OutcomeStatus.Invalid);
        var codes = s.GetProfileSummaries().Select(p => p.Code).ToHashSet();
        var (valid, found) = SettingsRules.Validate(new SettingsInput(frequency, defaultProfile, alternative), codes, current.Version + 1);
        if (valid is null)
            return new(null, found, OutcomeStatus.Invalid);
        IReadOnlyList<FieldChange> changes = AuditDiff.Settings(current, valid);
        if (changes.Count == 0)
            return Planned.Fail(OutcomeStatus.Conflict, new FieldError(Fields.Change, MessageKeys.NothingToRestore, entry.Id));
        return Planned.Ok(new RestorePlan(entry, RestoreKind.Settings, null, changes, false, current.Version)) with { Settings = valid };
    }

    /// <summary>A profile code as the audit records it ("7", or null for none).</summary>
    private static int? Code(FieldChange c, List<FieldError> errors) =>
        c.Before is null ? null : FieldRules.Integer(c.Before, c.Field, ProfileRules.MinCode, ProfileRules.MaxCode, errors);

    private static Dictionary<string, string?> SettingsValues(SyncSettings s) => new()
    {
        [Fields.FrequencyHours] = s.FrequencyHours.ToString(CultureInfo.InvariantCulture),
        [Fields.DefaultProfile] = s.DefaultProfile?.ToString(CultureInfo.InvariantCulture),
        [Fields.AlternativeProfile] = s.AlternativeProfile?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The fields the entry changed that no longer hold the value it left (another change came after it): putting its
    /// "before" back would silently undo that later change too.
    /// </summary>
    private static FieldError[] ChangedSince(AuditEntry entry, IReadOnlyDictionary<string, string?> now) =>
        entry.Changes
            .Where(c => !c.Secret && now.TryGetValue(c.Field, out string? value) && value != c.After && !SameWord(c.Field, value, c.After))
            .Select(c => new FieldError(c.Field, MessageKeys.ChangedSince, now[c.Field] ?? "—"))
            .ToArray();

    /// <summary>Entries recorded before the one vocabulary hold "MobileData" where the profile now reads "mobile".</summary>
    private static bool SameWord(string field, string? now, string? recorded) =>
        field == Fields.InternetAccess
        && Vocabulary.InternetAccess.TryParse(recorded, out InternetAccess a, legacy: true)
        && Vocabulary.InternetAccess.Of(a) == now;

    /// <summary>The input with each field the entry changed set to its value before the entry, from the text the audit holds.</summary>
    private ProfileInput Overlay(ProfileInput input, IReadOnlyList<FieldChange> changes)
    {
        foreach (FieldChange c in changes.Where(c => !c.Secret))
        {
            string text = c.Before ?? "";
            input = c.Field switch
            {
                Fields.Code => input with { Code = text },
                Fields.Description => input with { Description = text },
                Fields.Host => input with { Host = text },
                Fields.Port => input with { Port = text },
                Fields.TimeoutSeconds => input with { TimeoutSeconds = text },
                Fields.Retries => input with { Retries = text },
                Fields.Compression => input with { Compression = text },
                Fields.Encryption => input with { Encryption = text == Vocabulary.On },
                Fields.InternetAccess => Vocabulary.InternetAccess.TryParse(text, out InternetAccess access, legacy: true)
                    ? input with { InternetAccess = access }
                    : input with { InternetAccess = (InternetAccess)(-1) }, // not a word: the rules refuse it
                Fields.ExternalHost => input with { ExternalHost = text },
                Fields.ExternalPort => input with { ExternalPort = text },
                // "off" records no ticks: the filter goes off and the ticks stay as they are (they do nothing while it is off).
                Fields.TransferFilter => AuditDiff.ParseFilter(c.Before) is { } ticked
                    ? ticked.Count == 0 && c.Before == Vocabulary.Off
                        ? input with { FilterEnabled = false }
                        : input with { FilterEnabled = true, Tables = ticked }
                    : input with { FilterEnabled = true, Tables = [] }, // not a value the audit writes: refused as a filter without tables
                _ => input,
            };
        }
        return input;
    }

    private Restored Apply(IStoreSession s, Planned planned, PasswordHash? hash)
    {
        RestorePlan plan = planned.Plan!;
        bool becameDefault = false, licensing = false;
        switch (plan.Kind)
        {
            case RestoreKind.Settings:
                s.PutSettings(planned.Settings!);
                break;
            case RestoreKind.ProfileRemoved:
                s.DeleteProfile(plan.ProfileCode!.Value);
                break;
            case RestoreKind.ProfileBack:
            {
                SyncProfile profile = planned.Profile! with { Password = hash! };
                s.InsertProfile(profile);
                // As for any new profile: the first one becomes the default.
                SyncSettings settings = s.GetSettings() ?? DefaultSettings;
                becameDefault = settings.DefaultProfile is null;
                if (becameDefault)
                    PutSettings(s, settings, settings with { DefaultProfile = profile.Code, Version = settings.Version + 1 });
                licensing = ProfileRules.LicensingRefreshAdvised(null, profile);
                break;
            }
            case RestoreKind.ProfileValues:
            {
                SyncProfile current = s.GetProfile(plan.ProfileCode!.Value)!;
                SyncProfile restored = planned.Profile! with { Password = hash ?? current.Password };
                s.UpdateProfile(restored);
                licensing = ProfileRules.LicensingRefreshAdvised(current, restored);
                break;
            }
        }
        AuditEntry recorded = Record(s, AuditActions.Restored, plan.ProfileCode, plan.Changes, plan.Entry.Id)!;
        return new Restored(plan, recorded, becameDefault, licensing);
    }
}
