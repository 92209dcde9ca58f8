using MyMss.Core.Domain;
using MyMss.Core.Ports;
using MyMss.Core.Rules;
using MyMss.Core.Security;

namespace MyMss.Core.Services;

/// <summary>Everything saved in one database, profiles sorted by code.</summary>
public sealed record SyncSnapshot(SyncSettings Settings, IReadOnlyList<SyncProfile> Profiles)
{
    public SyncProfile? Find(int code) => Profiles.FirstOrDefault(p => p.Code == code);
}

/// <summary>The settings and what lists of profiles show, profiles sorted by code (for screens; 10,000 profiles stay light).</summary>
public sealed record SyncOverview(SyncSettings Settings, IReadOnlyList<ProfileSummary> Profiles)
{
    public ProfileSummary? Find(int code) => Profiles.FirstOrDefault(p => p.Code == code);
}

/// <summary>What a profile change did besides saving the profile, for the front ends to report.</summary>
public sealed record ProfileSaved(SyncProfile Profile, bool BecameDefault, bool LicensingRefreshAdvised);

/// <summary>
/// The one place where sync configuration rules are applied. The screen and the command line
/// are thin front ends over this service.
/// </summary>
public sealed partial class SyncConfiguration(ISyncStore store, IPasswordHasher hasher, SyncOptions options, Actor? actor = null, TimeProvider? clock = null)
{
    private readonly Actor _actor = actor ?? Actor.Current;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public SyncOptions Options => options;

    /// <summary>The database this service works on (a full path): the screen and the command line name it.</summary>
    public string DatabasePath => store.Path;

    /// <summary>False until the first change creates the database; reading does not create it.</summary>
    public bool DatabaseExists => store.Exists;

    /// <summary>The audit trail, newest first.</summary>
    public IReadOnlyList<AuditEntry> Audit(int limit) => store.Read(s => s.GetAudit(limit));

    /// <summary>Records a change (none when nothing changed); returns the entry as stored, with its id.</summary>
    /// <param name="restores">For a restore: the entry whose values it put back.</param>
    private AuditEntry? Record(IStoreSession s, string action, int? code, IReadOnlyList<FieldChange> changes, long? restores = null)
    {
        if (changes.Count == 0)
            return null;
        var entry = new AuditEntry(_clock.GetUtcNow(), _actor.User, _actor.Host, action, code, changes, _actor.Person) { Restores = restores };
        return entry with { Id = s.AppendAudit(entry) };
    }

    private void PutSettings(IStoreSession s, SyncSettings before, SyncSettings after)
    {
        s.PutSettings(after);
        Record(s, AuditActions.SettingsChanged, null, AuditDiff.Settings(before, after));
    }

    public SyncSnapshot Load() => store.Read(Snapshot);

    public SyncOverview Overview() =>
        store.Read(s => new SyncOverview(s.GetSettings() ?? DefaultSettings, s.GetProfileSummaries().OrderBy(p => p.Code).ToList()));

    /// <summary>One profile as saved, or null when there is none with that code (e.g. deleted in another session).</summary>
    public SyncProfile? Profile(int code) => store.Read(s => s.GetProfile(code));

    private SyncSnapshot Snapshot(IStoreSession s) =>
        new(s.GetSettings() ?? DefaultSettings, s.GetProfiles().OrderBy(p => p.Code).ToList());

    private SyncSettings DefaultSettings => new(options.DefaultFrequencyHours, null, null);

    /// <summary>Lowest free code above the highest in use (1 on an empty table), or the first gap when the top is taken.</summary>
    public static int SuggestCode(IEnumerable<int> codes)
    {
        var used = codes.ToHashSet();
        int candidate = used.Count == 0 ? ProfileRules.MinCode : used.Max() + 1;
        if (candidate <= ProfileRules.MaxCode)
            return candidate;
        for (int c = ProfileRules.MinCode; c <= ProfileRules.MaxCode; c++)
            if (!used.Contains(c))
                return c;
        return ProfileRules.MaxCode;
    }

    /// <summary>A blank input for a new profile: suggested code, defaults of docs/rules.md, every catalogue table listed.</summary>
    /// <param name="usedCodes">The codes already taken.</param>
    public ProfileInput NewProfileInput(IEnumerable<int> usedCodes) => new()
    {
        Code = SuggestCode(usedCodes).ToString(),
        Tables = TransferFilter.AllOff(options.Tables).Tables,
    };

    /// <summary>
    /// A new profile with the values of a saved one (<paramref name="source"/>): the next free code proposed, and no password:
    /// a copy gets one typed for it, required as for any new profile, rather than silently sharing the source's.
    /// </summary>
    public ProfileInput CopyInput(SyncProfile source, IEnumerable<int> usedCodes) =>
        EditInput(source) with { Code = SuggestCode(usedCodes).ToString(), Password = "", PasswordConfirmation = null, ExpectedVersion = null };

    /// <summary>
    /// A saved profile as an editable input, its transfer filter laid over the table catalogue in force: one row
    /// per catalogue table, keeping its ticks (a table removed from Sync:Tables since is left out, so the
    /// profile can still be saved; 'check' reports a ticked one beforehand).
    /// </summary>
    public ProfileInput EditInput(SyncProfile p) => ProfileInput.From(p) with { Tables = TransferFilter.Over(options.Tables, p.TransferFilter.Tables) };

    /// <summary>The endpoints, timeout and retries of a profile as typed, for a connection test; nothing else need be filled in.</summary>
    public Outcome<ConnectionSettings> Connection(ProfileInput input)
    {
        var (connection, errors) = ProfileRules.ValidateConnection(input, options);
        return connection is null ? Outcome<ConnectionSettings>.Fail(OutcomeStatus.Invalid, errors) : Outcome<ConnectionSettings>.Ok(connection);
    }

    public Outcome<ProfileSaved> CreateProfile(ProfileInput input)
    {
        var (valid, password, errors) = ProfileRules.Validate(input, options, creating: true);
        if (valid is null)
            return Outcome<ProfileSaved>.Fail(OutcomeStatus.Invalid, errors);
        // Hash outside the unit of work: it is slow on purpose and must not hold the database.
        PasswordHash hash = hasher.Hash(password!);
        return store.Write(s =>
        {
            if (s.GetProfile(valid.Code) is not null)
                return Outcome<ProfileSaved>.Fail(OutcomeStatus.Conflict, new FieldError(Fields.Code, MessageKeys.CodeTaken, valid.Code));
            SyncProfile profile = valid with { Password = hash, Version = 1 };
            s.InsertProfile(profile);
            Record(s, AuditActions.ProfileCreated, profile.Code, AuditDiff.Profile(null, profile));
            // The default profile is empty only while no profile exists: the first one becomes the default.
            SyncSettings settings = s.GetSettings() ?? DefaultSettings;
            bool becameDefault = settings.DefaultProfile is null;
            if (becameDefault)
                PutSettings(s, settings, settings with { DefaultProfile = profile.Code, Version = settings.Version + 1 });
            return Outcome<ProfileSaved>.Ok(new ProfileSaved(profile, becameDefault, ProfileRules.LicensingRefreshAdvised(null, profile)));
        });
    }

    public Outcome<ProfileSaved> UpdateProfile(int code, ProfileInput input)
    {
        var (valid, password, errors) = ProfileRules.Validate(input, options, creating: false);
        var all = errors.ToList();
        if (valid is not null && valid.Code != code)
            all.Add(new FieldError(Fields.Code, MessageKeys.CodeImmutable));
        if (all.Count > 0)
        {
            bool exists = store.Read(s => s.GetProfile(code) is not null);
            return Outcome<ProfileSaved>.Fail(exists ? OutcomeStatus.Invalid : OutcomeStatus.NotFound,
                exists ? all : [new FieldError(Fields.Code, MessageKeys.ProfileNotFound, code)]);
        }
        PasswordHash? newHash = password is null ? null : hasher.Hash(password);
        return store.Write(s =>
        {
            SyncProfile? current = s.GetProfile(code);
            if (current is null)
                return Outcome<ProfileSaved>.Fail(OutcomeStatus.NotFound, new FieldError(Fields.Code, MessageKeys.ProfileNotFound, code));
            if (input.ExpectedVersion is int expected && expected != current.Version)
                return Outcome<ProfileSaved>.Fail(OutcomeStatus.Conflict, new FieldError(Fields.Version, MessageKeys.ChangedElsewhere, code));
            SyncProfile updated = valid! with { Password = newHash ?? current.Password, Version = current.Version + 1 };
            s.UpdateProfile(updated);
            Record(s, AuditActions.ProfileUpdated, code, AuditDiff.Profile(current, updated));
            return Outcome<ProfileSaved>.Ok(new ProfileSaved(updated, false, ProfileRules.LicensingRefreshAdvised(current, updated)));
        });
    }

    public Outcome<SyncProfile> DeleteProfile(int code) => store.Write(s =>
    {
        SyncProfile? current = s.GetProfile(code);
        if (current is null)
            return Outcome<SyncProfile>.Fail(OutcomeStatus.NotFound, new FieldError(Fields.Code, MessageKeys.ProfileNotFound, code));
        IReadOnlyList<FieldError> blockers = Blockers(s.GetSettings() ?? DefaultSettings, code);
        if (blockers.Count > 0)
            return Outcome<SyncProfile>.Fail(OutcomeStatus.Conflict, blockers);
        s.DeleteProfile(code);
        Record(s, AuditActions.ProfileDeleted, code, AuditDiff.Profile(current, null));
        return Outcome<SyncProfile>.Ok(current);
    });

    /// <summary>Why a profile cannot be deleted now (it is the saved default or alternative), so a front end can say so before asking to confirm.</summary>
    public IReadOnlyList<FieldError> DeletionBlockers(int code) => store.Read(s => Blockers(s.GetSettings() ?? DefaultSettings, code));

    private static IReadOnlyList<FieldError> Blockers(SyncSettings settings, int code)
    {
        var errors = new List<FieldError>();
        if (settings.DefaultProfile == code)
            errors.Add(new FieldError(Fields.DefaultProfile, MessageKeys.ProfileIsDefault, code));
        if (settings.AlternativeProfile == code)
            errors.Add(new FieldError(Fields.AlternativeProfile, MessageKeys.ProfileIsAlternative, code));
        return errors;
    }

    public Outcome<SyncSettings> SaveSettings(SettingsInput input) => store.Write(s =>
    {
        SyncSettings current = s.GetSettings() ?? DefaultSettings;
        if (input.ExpectedVersion is int expected && expected != current.Version)
            return Outcome<SyncSettings>.Fail(OutcomeStatus.Conflict, new FieldError(Fields.Version, MessageKeys.ChangedElsewhere, 0));
        var codes = s.GetProfiles().Select(p => p.Code).ToHashSet();
        var (valid, errors) = SettingsRules.Validate(input, codes, current.Version + 1);
        if (valid is null)
            return Outcome<SyncSettings>.Fail(OutcomeStatus.Invalid, errors);
        PutSettings(s, current, valid);
        return Outcome<SyncSettings>.Ok(valid);
    });


    /// <summary>
    /// Restores an export: the database ends up holding exactly the file's settings and profiles. The whole file is
    /// validated first (every rule, unique codes, acceptable hashes, default/alternative among the file's profiles);
    /// then everything is applied in one unit of work, or nothing is. A dry run only returns what would change.
    /// </summary>
    public Outcome<IReadOnlyList<ImportChange>> Import(ImportData data, bool dryRun)
    {
        if (data.SchemaVersion > ImportData.CurrentSchemaVersion)
            return Outcome<IReadOnlyList<ImportChange>>.Fail(OutcomeStatus.Invalid,
                new FieldError(Fields.SchemaVersion, MessageKeys.NewerSchema, data.SchemaVersion, ImportData.CurrentSchemaVersion));
        var errors = new List<FieldError>();
        var incoming = new List<SyncProfile>();
        var codes = new HashSet<int>();
        foreach (ImportedProfile item in data.Profiles)
        {
            ProfileInput input = item.Input with { Password = "", PasswordConfirmation = null, ExpectedVersion = null };
            var (profile, _, found) = ProfileRules.Validate(input, options, creating: false);
            errors.AddRange(found.Select(e => e with { Item = item.Item }));
            if (!Pbkdf2PasswordHasher.IsAcceptable(item.Password))
                errors.Add(new FieldError(Fields.Password, MessageKeys.InvalidPasswordHash) { Item = item.Item });
            // A profile wrong elsewhere still owns its code, so settings that name it are not reported as well.
            if (FieldRules.Integer(item.Input.Code, Fields.Code, ProfileRules.MinCode, ProfileRules.MaxCode, []) is int code && !codes.Add(code))
                errors.Add(new FieldError(Fields.Code, MessageKeys.DuplicateCode, code) { Item = item.Item });
            if (profile is not null)
                incoming.Add(profile with { Password = item.Password });
        }
        var (settings, settingsErrors) = SettingsRules.Validate(data.Settings with { ExpectedVersion = null }, codes, 0);
        errors.AddRange(settingsErrors);
        if (errors.Count > 0)
            return Outcome<IReadOnlyList<ImportChange>>.Fail(OutcomeStatus.Invalid, errors);

        Func<IStoreSession, Outcome<IReadOnlyList<ImportChange>>> work = s => Outcome<IReadOnlyList<ImportChange>>.Ok(ApplyImport(s, incoming, settings!, dryRun));
        return dryRun ? store.Read(work) : store.Write(work);
    }

    private List<ImportChange> ApplyImport(IStoreSession s, IReadOnlyList<SyncProfile> incoming, SyncSettings settings, bool dryRun)
    {
        var changes = new List<ImportChange>();
        var current = s.GetProfiles().ToDictionary(p => p.Code);
        SyncSettings currentSettings = s.GetSettings() ?? DefaultSettings;
        foreach (SyncProfile gone in current.Values.Where(p => incoming.All(i => i.Code != p.Code)).OrderBy(p => p.Code))
        {
            changes.Add(new ImportChange(ImportChangeKind.Delete, gone.Code, gone.Description, AuditDiff.Profile(gone, null)));
            if (!dryRun)
                s.DeleteProfile(gone.Code);
        }
        foreach (SyncProfile p in incoming.OrderBy(p => p.Code))
        {
            SyncProfile? before = current.GetValueOrDefault(p.Code);
            IReadOnlyList<FieldChange> diff = AuditDiff.Profile(before, p);
            if (diff.Count == 0)
                continue;
            changes.Add(new ImportChange(before is null ? ImportChangeKind.Create : ImportChangeKind.Update, p.Code, p.Description, diff,
                ProfileRules.LicensingRefreshAdvised(before, p)));
            if (dryRun)
                continue;
            if (before is null)
                s.InsertProfile(p with { Version = 1 });
            else
                s.UpdateProfile(p with { Version = before.Version + 1 });
        }
        IReadOnlyList<FieldChange> settingsDiff = AuditDiff.Settings(currentSettings, settings);
        if (settingsDiff.Count > 0)
        {
            changes.Add(new ImportChange(ImportChangeKind.Settings, null, null, settingsDiff));
            if (!dryRun)
                s.PutSettings(settings with { Version = currentSettings.Version + 1 });
        }
        if (!dryRun)
            foreach (ImportChange c in changes)
                Record(s, AuditActions.Imported, c.Code, c.Changes);
        return changes;
    }

    /// <summary>
    /// The route warnings plus every saved profile that no longer meets the rules in force (e.g. after
    /// Mss:Port or Sync:Tables changed in appsettings.json), each with its problems.
    /// </summary>
    /// <param name="choice">A default and an alternative chosen on a screen but not saved yet: the routes and warnings are
    /// those they would give, over the saved profiles.</param>
    public (SyncSnapshot Snapshot, RoutePreview Routes, IReadOnlyList<RouteWarning> Warnings) Check((int? Default, int? Alternative)? choice = null)
    {
        SyncSnapshot snap = Load();
        if (choice is { } chosen)
            snap = snap with { Settings = snap.Settings with { DefaultProfile = chosen.Default, AlternativeProfile = chosen.Alternative } };
        RoutePreview routes = RoutePreview.Of(snap, options);
        var warnings = routes.Warnings.ToList();
        foreach (SyncProfile p in snap.Profiles)
        {
            // Only ticked tables matter: an unticked one that left the catalogue changes nothing for terminals.
            ProfileInput saved = ProfileInput.From(p) with { Tables = p.TransferFilter.Tables.Where(t => t.Send || t.Receive).ToList() };
            var errors = ProfileRules.Validate(saved, options, creating: false).Errors
                .Where(e => e.MessageKey != MessageKeys.PortIsMssPort) // already a route warning
                .ToList();
            if (errors.Count > 0)
                warnings.Add(new RouteWarning(RouteWarnings.ProfileInvalid, p.Code, errors));
        }
        return (snap, routes, warnings);
    }
}
