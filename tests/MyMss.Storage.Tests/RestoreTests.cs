using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Security;
using MyMss.Core.Services;
using MyMss.Testing;

namespace MyMss.Storage.Tests;

/// <summary>Undo from the history (docs/rules.md, "Restoring from the history"), over a real LiteDB file.</summary>
public sealed class RestoreTests : IDisposable
{
    private const string Secret = "Restore-secret-4b1";
    private const string NewSecret = "Restore-new-77";
    private readonly TempDatabase _db = new();
    private readonly Pbkdf2PasswordHasher _hasher = new();
    private readonly SyncConfiguration _service;

    public RestoreTests() => _service = Service(TestProfiles.Options);

    public void Dispose() => _db.Dispose();

    private SyncConfiguration Service(SyncOptions options) =>
        new(new LiteDbSyncStore(_db.Path), _hasher, options, new Actor("tecnico", "servidor-01"));

    private SyncProfile Create(int code) => _service.CreateProfile(TestProfiles.Input(code, Secret)).Value!.Profile;

    private SyncProfile Update(int code, Func<ProfileInput, ProfileInput> change) =>
        _service.UpdateProfile(code, change(_service.EditInput(_service.Profile(code)!))).Value!.Profile;

    /// <summary>Every value the audit records of a profile, and its version (a record's password hash compares by reference).</summary>
    private static (string, int) Values(SyncProfile p) =>
        (string.Join("|", AuditDiff.ValuesOf(p).Select(v => $"{v.Key}={v.Value}")), p.Version);

    /// <summary>The id of the newest entry of the audit trail.</summary>
    private long Last => _service.Audit(1)[0].Id;

    [Fact]
    public void A_profile_change_is_undone_field_by_field_and_recorded_as_a_restore_of_it()
    {
        Create(1);
        SyncProfile before = Update(1, i => i with { Description = "Antes" });
        Update(1, i => i with { Port = "9100", InternetAccess = InternetAccess.MobileData, ExternalHost = "sync.example.pt", ExternalPort = "9443" });
        long id = Last;

        RestorePlan plan = _service.PlanRestore(id).Value!;
        Assert.Equal((RestoreKind.ProfileValues, (int?)1, false), (plan.Kind, plan.ProfileCode, plan.NeedsPassword));
        Assert.Equal([("port", "9100", "9001"), ("internetAccess", "mobile", "none"), ("externalHost", "sync.example.pt", null), ("externalPort", "9443", null)],
            plan.Changes.Select(c => (c.Field, c.Before, c.After)));
        Assert.Equal(_service.Profile(1)!.Version, plan.Version);

        Restored done = _service.Restore(id, new RestoreInput(ExpectedVersion: plan.Version)).Value!;
        SyncProfile now = _service.Profile(1)!;
        Assert.Equal(Values(before with { Version = before.Version + 2 }), Values(now));
        Assert.Equal(before.Password.Hash, now.Password.Hash);
        Assert.True(done.LicensingRefreshAdvised); // the port changed
        AuditEntry recorded = _service.Audit(1)[0];
        Assert.Equal((AuditActions.Restored, (int?)1, (long?)id, done.Recorded.Id), (recorded.Action, recorded.ProfileCode, recorded.Restores, recorded.Id));
        Assert.Equal(plan.Changes, recorded.Changes);
        Assert.True(recorded.Id > id);
    }

    [Fact]
    public void A_field_changed_again_since_refuses_the_restore_naming_it_and_its_value_now()
    {
        Create(1);
        Update(1, i => i with { Port = "9100", Description = "Loja" });
        long id = Last;
        Update(1, i => i with { Port = "9200" });
        SyncProfile untouched = _service.Profile(1)!;

        Outcome<Restored> outcome = _service.Restore(id, new RestoreInput());
        Assert.Equal(OutcomeStatus.Conflict, outcome.Status);
        FieldError error = Assert.Single(outcome.Errors);
        Assert.Equal((Fields.Port, MessageKeys.ChangedSince, "9200"), (error.Field, error.MessageKey, error.Args[0]));
        Assert.Equal(Values(untouched), Values(_service.Profile(1)!));
        Assert.Equal(OutcomeStatus.Conflict, _service.PlanRestore(id).Status);
        // Undoing the newer change first, then the older one, works.
        Assert.True(_service.Restore(Last, new RestoreInput()).IsOk);
        Assert.True(_service.Restore(id, new RestoreInput()).IsOk);
        Assert.Equal((9001, "Perfil 1"), (_service.Profile(1)!.Port, _service.Profile(1)!.Description));
    }

    [Fact]
    public void A_password_change_is_undone_only_by_a_new_password()
    {
        Create(1);
        Update(1, i => i with { Password = "changed-" + Secret, PasswordConfirmation = null, Compression = "9" });
        long id = Last;

        RestorePlan plan = _service.PlanRestore(id).Value!;
        Assert.True(plan.NeedsPassword);
        Assert.Equal([("compression", "9", "4", false), ("password", null, null, true)], plan.Changes.Select(c => (c.Field, c.Before, c.After, c.Secret)));

        Outcome<Restored> refused = _service.Restore(id, new RestoreInput());
        Assert.Equal(OutcomeStatus.Invalid, refused.Status);
        Assert.Equal((Fields.Password, MessageKeys.RestorePassword), (refused.Errors[0].Field, refused.Errors[0].MessageKey));
        Assert.Equal(MessageKeys.PasswordMismatch, _service.Restore(id, new RestoreInput(NewSecret, "other")).Errors[0].MessageKey);
        Assert.Equal(9, _service.Profile(1)!.Compression); // nothing changed

        Restored done = _service.Restore(id, new RestoreInput(NewSecret, NewSecret)).Value!;
        SyncProfile now = _service.Profile(1)!;
        Assert.Equal(4, now.Compression);
        Assert.True(_hasher.Verify(NewSecret, now.Password));
        Assert.False(_hasher.Verify(Secret, now.Password)); // not the old password: the history never had it
        Assert.True(done.LicensingRefreshAdvised);
        Assert.Contains(done.Recorded.Changes, c => c is { Field: Fields.Password, Secret: true, Before: null, After: null });
    }

    [Fact]
    public void A_deleted_profile_comes_back_with_its_values_and_a_new_password_if_its_code_is_free()
    {
        Create(1);
        Create(2);
        Update(2, i => i with
        {
            Description = "Exterior", Encryption = true, InternetAccess = InternetAccess.Vpn, ExternalHost = "vpn.example.pt",
            FilterEnabled = true, Tables = TransferFilter.Over(TestProfiles.Options.Tables, [new TableTransfer("Preços", true, true)]),
        });
        SyncProfile deleted = _service.Profile(2)!;
        Assert.True(_service.DeleteProfile(2).IsOk);
        long id = Last;

        RestorePlan plan = _service.PlanRestore(id).Value!;
        Assert.Equal((RestoreKind.ProfileBack, true, (int?)null), (plan.Kind, plan.NeedsPassword, plan.Version));
        Assert.Equal(MessageKeys.RestorePassword, _service.Restore(id, new RestoreInput()).Errors.Single().MessageKey);

        Restored done = _service.Restore(id, new RestoreInput(NewSecret)).Value!;
        SyncProfile back = _service.Profile(2)!;
        Assert.Equal(Values(deleted with { Version = 1 }), Values(back));
        Assert.True(_hasher.Verify(NewSecret, back.Password));
        Assert.False(done.BecameDefault);
        Assert.True(done.LicensingRefreshAdvised);

        // Deleted again, and another profile took its code meanwhile: the code is not free.
        Assert.True(_service.DeleteProfile(2).IsOk);
        long again = Last;
        Create(2);
        Outcome<Restored> taken = _service.Restore(again, new RestoreInput(NewSecret));
        Assert.Equal(OutcomeStatus.Conflict, taken.Status);
        Assert.Equal(MessageKeys.CodeTaken, taken.Errors.Single().MessageKey);
    }

    [Fact]
    public void A_created_profile_is_deleted_unless_it_is_the_default_or_changed_since()
    {
        Create(1);
        Create(2);
        long created2 = Last;
        Assert.Equal(RestoreKind.ProfileRemoved, _service.PlanRestore(created2).Value!.Kind);
        Assert.True(_service.SaveSettings(new SettingsInput("24", 1, 2)).IsOk);
        Outcome<Restored> alternative = _service.Restore(created2, new RestoreInput());
        Assert.Equal((OutcomeStatus.Conflict, MessageKeys.ProfileIsAlternative), (alternative.Status, alternative.Errors.Single().MessageKey));
        Assert.True(_service.SaveSettings(new SettingsInput("24", 1, null)).IsOk);

        Assert.True(_service.Restore(created2, new RestoreInput()).IsOk);
        Assert.Null(_service.Profile(2));
        Assert.Equal(AuditActions.Restored, _service.Audit(1)[0].Action);

        Create(3);
        long created3 = Last;
        Update(3, i => i with { Host = "10.0.0.3" });
        Outcome<Restored> changed = _service.Restore(created3, new RestoreInput());
        Assert.Equal((OutcomeStatus.Conflict, Fields.Host), (changed.Status, changed.Errors.Single().Field));
        Assert.NotNull(_service.Profile(3));
    }

    [Fact]
    public void A_settings_change_is_undone_through_the_settings_rules()
    {
        Create(1);
        Create(2);
        Assert.True(_service.SaveSettings(new SettingsInput("6", 1, 2)).IsOk);
        long id = Last;
        RestorePlan plan = _service.PlanRestore(id).Value!;
        Assert.Equal((RestoreKind.Settings, (int?)null), (plan.Kind, plan.ProfileCode));
        Assert.True(_service.Restore(id, new RestoreInput(ExpectedVersion: plan.Version)).IsOk);
        Assert.Equal((24, (int?)1, (int?)null), (_service.Load().Settings.FrequencyHours, _service.Load().Settings.DefaultProfile, _service.Load().Settings.AlternativeProfile));

        // Undo the undo: the restore is itself a change of the trail.
        Assert.True(_service.Restore(Last, new RestoreInput()).IsOk);
        Assert.Equal((6, (int?)2), (_service.Load().Settings.FrequencyHours, _service.Load().Settings.AlternativeProfile));

        // The default from before names a profile that is gone: refused as any settings change would be.
        Assert.True(_service.SaveSettings(new SettingsInput("6", 2, null)).IsOk);
        long defaultTo2 = Last;
        Create(3);
        Assert.True(_service.SaveSettings(new SettingsInput("6", 3, null)).IsOk);
        Assert.True(_service.Restore(Last, new RestoreInput()).IsOk); // back to default 2
        Assert.True(_service.SaveSettings(new SettingsInput("6", 2, null)).IsOk); // (no change: not recorded)
        Assert.True(_service.DeleteProfile(1).IsOk);
        Outcome<Restored> gone = _service.Restore(defaultTo2, new RestoreInput());
        Assert.Equal(OutcomeStatus.Invalid, gone.Status);
        Assert.Equal((Fields.DefaultProfile, MessageKeys.ProfileNotFound), (gone.Errors.Single().Field, gone.Errors.Single().MessageKey));
    }

    [Fact]
    public void A_restore_over_a_version_other_than_the_one_shown_is_refused_as_changed_elsewhere()
    {
        Create(1);
        Update(1, i => i with { Description = "Loja" });
        long id = Last;
        RestorePlan shown = _service.PlanRestore(id).Value!;
        Update(1, i => i with { Host = "10.0.0.9" }); // another session, on another field
        Outcome<Restored> outcome = _service.Restore(id, new RestoreInput(ExpectedVersion: shown.Version));
        Assert.Equal((OutcomeStatus.Conflict, MessageKeys.ChangedElsewhere), (outcome.Status, outcome.Errors.Single().MessageKey));
        Assert.Equal("Loja", _service.Profile(1)!.Description);
        Assert.True(_service.Restore(id, new RestoreInput(ExpectedVersion: _service.PlanRestore(id).Value!.Version)).IsOk);
    }

    [Fact]
    public void Values_from_before_that_the_rules_in_force_refuse_are_not_restored()
    {
        Create(1);
        Update(1, i => i with { Port = "9100" });
        long id = Last;
        Update(1, i => i with { Description = "Depois" });
        // appsettings.json changed since: port 9001 is now the MSS port.
        Outcome<Restored> outcome = Service(TestProfiles.Options with { MssPort = 9001 }).Restore(id, new RestoreInput());
        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Equal((Fields.Port, MessageKeys.PortIsMssPort), (outcome.Errors.Single().Field, outcome.Errors.Single().MessageKey));
        Assert.Equal(9100, _service.Profile(1)!.Port);
    }

    [Fact]
    public void Turning_the_filter_back_off_keeps_its_ticks_and_an_import_is_undone_like_any_change()
    {
        Create(1);
        Update(1, i => i with { FilterEnabled = true, Tables = TransferFilter.Over(TestProfiles.Options.Tables, [new TableTransfer("Stocks", false, true)]) });
        long on = Last;
        Assert.True(_service.Restore(on, new RestoreInput()).IsOk);
        TransferFilter filter = _service.Profile(1)!.TransferFilter;
        Assert.False(filter.Enabled);
        Assert.Contains(new TableTransfer("Stocks", false, true), filter.Tables);

        // An import that changes profile 1: its entry is undone as a profile change.
        SyncProfile current = _service.Profile(1)!;
        var data = new ImportData(ImportData.CurrentSchemaVersion, new SettingsInput("24", 1, null),
            [new ImportedProfile(ProfileInput.From(current) with { Description = "Importado" }, current.Password, 1)]);
        Assert.True(_service.Import(data, dryRun: false).IsOk);
        Assert.Equal(AuditActions.Imported, _service.Audit(1)[0].Action);
        Assert.True(_service.Restore(Last, new RestoreInput()).IsOk);
        Assert.Equal("Perfil 1", _service.Profile(1)!.Description);
    }

    [Fact]
    public void An_id_not_in_the_trail_is_not_found()
    {
        Create(1);
        Outcome<Restored> outcome = _service.Restore(999, new RestoreInput());
        Assert.Equal(OutcomeStatus.NotFound, outcome.Status);
        Assert.Equal((Fields.Change, MessageKeys.ChangeNotFound), (outcome.Errors.Single().Field, outcome.Errors.Single().MessageKey));
        Assert.Equal(OutcomeStatus.NotFound, _service.PlanRestore(0).Status);
    }
}
