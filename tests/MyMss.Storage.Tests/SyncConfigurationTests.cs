using System.Text;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Security;
using MyMss.Core.Services;
using MyMss.Testing;

namespace MyMss.Storage.Tests;

/// <summary>The configuration service over a real LiteDB file.</summary>
public sealed class SyncConfigurationTests : IDisposable
{
    private const string Secret = "Pa55-unique-9f3c1e";
    private readonly TempDatabase _db = new();
    private readonly Pbkdf2PasswordHasher _hasher = new();
    private readonly SyncConfiguration _service;

    public SyncConfigurationTests() =>
        _service = new SyncConfiguration(new LiteDbSyncStore(_db.Path), _hasher, TestProfiles.Options, new Actor("tecnico", "servidor-01"));

    public void Dispose() => _db.Dispose();

    private static ProfileInput Input(int code, string password = Secret) => TestProfiles.Input(code, password);

    private SyncProfile Create(int code) => _service.CreateProfile(Input(code)).Value!.Profile;

    [Fact]
    public void An_empty_database_has_the_configured_default_frequency_and_no_profiles()
    {
        SyncSnapshot snap = _service.Load();
        Assert.Equal(new SyncSettings(24, null, null), snap.Settings);
        Assert.Empty(snap.Profiles);
        Assert.Equal("1", _service.NewProfileInput(snap.Profiles.Select(p => p.Code)).Code);
    }

    [Fact]
    public void The_overview_lists_code_and_description_of_every_profile_by_code_and_one_profile_reads_whole()
    {
        foreach (int code in new[] { 7, 2, 30 })
            Create(code);
        SyncOverview overview = _service.Overview();
        Assert.Equal(_service.Load().Settings, overview.Settings);
        Assert.Equal([new(2, "Perfil 2"), new(7, "Perfil 7"), new ProfileSummary(30, "Perfil 30")], overview.Profiles);
        Assert.Equal(new ProfileSummary(7, "Perfil 7"), overview.Find(7));
        SyncProfile whole = _service.Profile(30)!, loaded = _service.Load().Find(30)!;
        Assert.Equal((loaded.Description, loaded.Host, loaded.Port, loaded.Version), (whole.Description, whole.Host, whole.Port, whole.Version));
        Assert.Equal(loaded.TransferFilter.Tables, whole.TransferFilter.Tables);
        Assert.Equal(loaded.Password.Hash, whole.Password.Hash);
        Assert.Null(_service.Profile(31));
    }

    [Fact]
    public void The_first_profile_becomes_the_default_and_later_ones_do_not()
    {
        var first = _service.CreateProfile(Input(1));
        Assert.True(first.Value!.BecameDefault);
        Assert.True(first.Value.LicensingRefreshAdvised);
        Assert.False(_service.CreateProfile(Input(2)).Value!.BecameDefault);
        Assert.Equal(1, _service.Load().Settings.DefaultProfile);
    }

    [Fact]
    public void A_taken_code_is_a_conflict_on_the_code_field()
    {
        Create(5);
        var again = _service.CreateProfile(Input(5));
        Assert.Equal(OutcomeStatus.Conflict, again.Status);
        Assert.Equal((Fields.Code, MessageKeys.CodeTaken), (again.Errors[0].Field, again.Errors[0].MessageKey));
    }

    [Fact]
    public void The_next_free_code_is_suggested()
    {
        Create(1);
        Create(4);
        Assert.Equal("5", _service.NewProfileInput(_service.Load().Profiles.Select(p => p.Code)).Code);
    }

    [Fact]
    public void No_clear_password_is_stored_only_a_verifiable_hash()
    {
        Create(1);
        SyncProfile stored = _service.Load().Profiles.Single();
        Assert.True(_hasher.Verify(Secret, stored.Password));
        foreach (string file in Directory.GetFiles(Path.GetDirectoryName(_db.Path)!))
        {
            byte[] raw = File.ReadAllBytes(file);
            foreach (Encoding enc in new[] { Encoding.UTF8, Encoding.Unicode })
                Assert.Equal(-1, raw.AsSpan().IndexOf(enc.GetBytes(Secret)));
        }
    }

    [Fact]
    public void Editing_with_a_blank_password_keeps_it_and_a_new_one_replaces_it()
    {
        SyncProfile original = Create(1);
        var kept = _service.UpdateProfile(1, ProfileInput.From(original) with { Description = "Nova" });
        Assert.True(kept.IsOk);
        Assert.False(kept.Value!.LicensingRefreshAdvised);
        SyncProfile afterKeep = _service.Load().Profiles.Single();
        Assert.Equal("Nova", afterKeep.Description);
        Assert.Equal(original.Password.Hash, afterKeep.Password.Hash);
        Assert.Equal(original.Version + 1, afterKeep.Version);

        var changed = _service.UpdateProfile(1, ProfileInput.From(afterKeep) with { Password = "other", PasswordConfirmation = "other" });
        Assert.True(changed.Value!.LicensingRefreshAdvised);
        SyncProfile afterChange = _service.Load().Profiles.Single();
        Assert.True(_hasher.Verify("other", afterChange.Password));
        Assert.False(_hasher.Verify(Secret, afterChange.Password));
    }

    [Fact]
    public void Changing_the_port_advises_a_licensing_refresh()
    {
        SyncProfile p = Create(1);
        Assert.True(_service.UpdateProfile(1, ProfileInput.From(p) with { Port = "9100" }).Value!.LicensingRefreshAdvised);
    }

    [Fact]
    public void The_code_cannot_change_and_a_missing_profile_is_not_found()
    {
        SyncProfile p = Create(1);
        var moved = _service.UpdateProfile(1, ProfileInput.From(p) with { Code = "2" });
        Assert.Equal(MessageKeys.CodeImmutable, Assert.Single(moved.Errors).MessageKey);
        Assert.Equal(OutcomeStatus.NotFound, _service.UpdateProfile(9, ProfileInput.From(p) with { Code = "9" }).Status);
        Assert.Equal(OutcomeStatus.NotFound, _service.DeleteProfile(9).Status);
    }

    [Fact]
    public void Deleting_the_default_or_alternative_is_refused_and_says_which()
    {
        Create(1);
        Create(2);
        Create(3);
        Assert.True(_service.SaveSettings(new SettingsInput("12", 1, 2)).IsOk);

        var def = _service.DeleteProfile(1);
        Assert.Equal(OutcomeStatus.Conflict, def.Status);
        Assert.Equal((Fields.DefaultProfile, MessageKeys.ProfileIsDefault), (def.Errors[0].Field, def.Errors[0].MessageKey));
        var alt = _service.DeleteProfile(2);
        Assert.Equal((Fields.AlternativeProfile, MessageKeys.ProfileIsAlternative), (alt.Errors[0].Field, alt.Errors[0].MessageKey));

        Assert.True(_service.DeleteProfile(3).IsOk);
        Assert.Equal([1, 2], _service.Load().Profiles.Select(p => p.Code));
    }

    [Fact]
    public void Settings_are_saved_and_refused_with_every_problem()
    {
        Create(1);
        Create(2);
        Outcome<SyncSettings> ok = _service.SaveSettings(new SettingsInput("48", 2, 1));
        Assert.True(ok.IsOk);
        Assert.Equal(new SyncSettings(48, 2, 1, ok.Value!.Version), _service.Load().Settings);

        var bad = _service.SaveSettings(new SettingsInput("0", 3, 3));
        Assert.Equal(OutcomeStatus.Invalid, bad.Status);
        Assert.Equal(3, bad.Errors.Count);
        Assert.Equal(48, _service.Load().Settings.FrequencyHours);
    }

    [Fact]
    public void A_profile_saved_over_a_newer_version_is_refused_and_nothing_is_overwritten()
    {
        SyncProfile p = Create(1);
        ProfileInput mine = ProfileInput.From(p) with { Description = "mine" };
        Assert.True(_service.UpdateProfile(1, ProfileInput.From(p) with { Description = "theirs" }).IsOk);

        var refused = _service.UpdateProfile(1, mine);
        Assert.Equal(OutcomeStatus.Conflict, refused.Status);
        Assert.Equal((Fields.Version, MessageKeys.ChangedElsewhere), (refused.Errors[0].Field, refused.Errors[0].MessageKey));
        Assert.Equal("theirs", _service.Load().Profiles[0].Description);

        // Re-applied over the version now stored, it goes through.
        Assert.True(_service.UpdateProfile(1, mine with { ExpectedVersion = _service.Load().Profiles[0].Version }).IsOk);
        Assert.Equal("mine", _service.Load().Profiles[0].Description);
    }

    [Fact]
    public void Settings_saved_over_a_newer_version_are_refused()
    {
        Create(1);
        int version = _service.Load().Settings.Version;
        Assert.True(_service.SaveSettings(new SettingsInput("12", 1, null, version)).IsOk);
        var stale = _service.SaveSettings(new SettingsInput("48", 1, null, version));
        Assert.Equal(OutcomeStatus.Conflict, stale.Status);
        Assert.Equal(12, _service.Load().Settings.FrequencyHours);
    }

    [Fact]
    public void A_profile_another_session_made_the_default_cannot_be_deleted()
    {
        Create(1);
        Create(2);
        SyncSnapshot seenHere = _service.Load(); // 2 is not the default here
        Assert.Equal(1, seenHere.Settings.DefaultProfile);
        Assert.True(_service.SaveSettings(new SettingsInput("24", 2, null)).IsOk); // "another session"
        var refused = _service.DeleteProfile(2);
        Assert.Equal(MessageKeys.ProfileIsDefault, refused.Errors[0].MessageKey);
        Assert.Equal(2, _service.Load().Profiles.Count);
    }

    [Fact]
    public void Every_change_is_audited_with_time_user_host_action_code_and_fields()
    {
        DateTimeOffset start = DateTimeOffset.UtcNow.AddSeconds(-1);
        SyncProfile p = Create(1);
        Assert.True(_service.UpdateProfile(1, ProfileInput.From(p) with { Port = "9100", Password = "novo", PasswordConfirmation = "novo" }).IsOk);
        Create(2);
        Assert.True(_service.SaveSettings(new SettingsInput("12", 1, 2)).IsOk);
        Assert.True(_service.SaveSettings(new SettingsInput("12", 1, 2)).IsOk); // nothing changed: nothing recorded
        Assert.True(_service.SaveSettings(new SettingsInput("12", 1, null)).IsOk);
        Assert.True(_service.DeleteProfile(2).IsOk);

        IReadOnlyList<AuditEntry> log = _service.Audit(100);
        Assert.Equal(
            [AuditActions.ProfileDeleted, AuditActions.SettingsChanged, AuditActions.SettingsChanged, AuditActions.ProfileCreated,
             AuditActions.ProfileUpdated, AuditActions.SettingsChanged, AuditActions.ProfileCreated],
            log.Select(e => e.Action));
        Assert.All(log, e =>
        {
            Assert.Equal(("tecnico", "servidor-01"), (e.User, e.Host));
            Assert.InRange(e.AtUtc, start, DateTimeOffset.UtcNow.AddSeconds(1));
        });

        AuditEntry updated = log[4];
        Assert.Equal(1, updated.ProfileCode);
        Assert.Equal([new FieldChange(Fields.Port, "9001", "9100"), new FieldChange(Fields.Password, null, null, Secret: true)], updated.Changes);
        Assert.Contains(new FieldChange(Fields.DefaultProfile, null, "1"), log[6 - 1].Changes); // the first profile became the default
        Assert.Equal([new FieldChange(Fields.AlternativeProfile, "2", null)], log[1].Changes);
        Assert.Contains(new FieldChange(Fields.Description, "Perfil 2", null), log[0].Changes);
        Assert.Equal(3, _service.Audit(3).Count);
    }

    [Fact]
    public void The_audit_never_holds_a_password_or_its_hash()
    {
        Create(1);
        SyncProfile p = _service.Load().Profiles[0];
        Assert.True(_service.UpdateProfile(1, ProfileInput.From(p) with { Password = "other-secret", PasswordConfirmation = "other-secret" }).IsOk);
        string b64 = Convert.ToBase64String(p.Password.Hash);
        foreach (FieldChange c in _service.Audit(10).SelectMany(e => e.Changes))
        {
            Assert.DoesNotContain(Secret, (c.Before ?? "") + (c.After ?? ""));
            Assert.DoesNotContain(b64, (c.Before ?? "") + (c.After ?? ""));
            if (c.Field == Fields.Password)
                Assert.True(c.Secret && c.Before is null && c.After is null);
        }
    }

    [Fact]
    public void Check_names_saved_profiles_that_no_longer_meet_the_rules_in_force()
    {
        var p = _service.CreateProfile(Input(1) with { FilterEnabled = true, Tables = [new TableTransfer("Rotas", true, false)] });
        Assert.True(p.IsOk);
        // The catalogue in appsettings.json lost "Rotas" since the profile was saved.
        var narrower = new SyncConfiguration(new LiteDbSyncStore(_db.Path), _hasher, new SyncOptions(9000, 24, ["Artigos", "Clientes"]));
        RouteWarning w = Assert.Single(narrower.Check().Warnings, w => w.MessageKey == RouteWarnings.ProfileInvalid);
        Assert.Equal(1, w.Args[0]);
        Assert.Contains(((IEnumerable<FieldError>)w.Args[1]), e => e.MessageKey == MessageKeys.UnknownTable);
    }

    [Fact]
    public void A_profile_stays_editable_after_the_table_catalogue_changed()
    {
        SyncProfile p = _service.CreateProfile(Input(1) with { FilterEnabled = true, Tables = [new TableTransfer("Clientes", false, true)] }).Value!.Profile;
        var narrower = new SyncConfiguration(new LiteDbSyncStore(_db.Path), _hasher, new SyncOptions(9000, 24, ["Clientes", "Novidades"]));
        Assert.DoesNotContain(narrower.Check().Warnings, w => w.MessageKey == RouteWarnings.ProfileInvalid); // no ticked table was lost
        ProfileInput edit = narrower.EditInput(p);
        Assert.Equal([new TableTransfer("Clientes", false, true), new TableTransfer("Novidades", false, false)], edit.Tables);
        Assert.True(narrower.UpdateProfile(1, edit with { Description = "ok" }).IsOk);
    }
}
