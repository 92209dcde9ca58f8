using System.Text.Json.Nodes;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Security;
using MyMss.Core.Services;
using MyMss.Testing;

namespace MyMss.Storage.Tests;

/// <summary>Export to a real file and import it back into real databases.</summary>
public sealed class ImportExportTests : IDisposable
{
    private const string Secret = "Export-secret-77";
    private readonly TempDatabase _source = new();
    private readonly TempDatabase _target = new();
    private readonly Pbkdf2PasswordHasher _hasher = new();

    public void Dispose()
    {
        _source.Dispose();
        _target.Dispose();
    }

    private SyncConfiguration Service(TempDatabase db) => new(new LiteDbSyncStore(db.Path), _hasher, TestProfiles.Options);

    /// <summary>Profile CODE reached through a VPN, sending and receiving Rotas only: every part of a profile is exported.</summary>
    private static ProfileInput Input(int code) => TestProfiles.Input(code, Secret) with
    {
        Host = "sync.example.pt", InternetAccess = InternetAccess.Vpn, ExternalHost = "vpn.example.pt", FilterEnabled = true,
        Tables = [new TableTransfer("Rotas", true, true)],
    };

    private string ExportOf(SyncConfiguration s) => ExportFile.Export(s.Load(), DateTimeOffset.UtcNow);

    private SyncConfiguration Seeded()
    {
        SyncConfiguration s = Service(_source);
        Assert.True(s.CreateProfile(Input(1)).IsOk);
        Assert.True(s.CreateProfile(Input(2)).IsOk);
        Assert.True(s.SaveSettings(new SettingsInput("6", 2, 1)).IsOk);
        return s;
    }

    private static ImportData Read(string json)
    {
        var (data, errors) = ExportFile.Read(json);
        Assert.Empty(errors);
        return data!;
    }

    [Theory]
    [InlineData(InternetAccess.None, "None")]
    [InlineData(InternetAccess.MobileData, "MobileData")]
    [InlineData(InternetAccess.Vpn, "Vpn")]
    [InlineData(InternetAccess.PublicInternet, "PublicInternet")]
    public void An_export_of_format_1_with_the_old_spellings_still_imports(InternetAccess access, string oldSpelling)
    {
        SyncConfiguration source = Service(_source);
        Assert.True(source.CreateProfile(Input(1) with { InternetAccess = access }).IsOk);
        string word = Vocabulary.InternetAccess.Of(access);
        string today = ExportOf(source);
        Assert.Contains($"\"internetAccess\": \"{word}\"", today);
        string format1 = today.Replace("\"schemaVersion\": 2", "\"schemaVersion\": 1")
            .Replace($"\"internetAccess\": \"{word}\"", $"\"internetAccess\": \"{oldSpelling}\"");

        SyncConfiguration target = Service(_target);
        Assert.True(target.Import(Read(format1), dryRun: false).IsOk);
        Assert.Equal(access, Assert.Single(target.Load().Profiles).InternetAccess);
    }

    [Fact]
    public void An_export_restores_every_field_and_keeps_passwords_as_hashes()
    {
        SyncConfiguration source = Seeded();
        string file = Path.Combine(_source.Folder, "export.json");
        ExportFile.WriteFile(file, ExportOf(source), overwrite: false);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        string text = File.ReadAllText(file);
        Assert.DoesNotContain(Secret, text);
        Assert.Contains("\"schemaVersion\": 2", text);

        SyncConfiguration target = Service(_target);
        var outcome = target.Import(Read(text), dryRun: false);
        Assert.True(outcome.IsOk);
        SyncSnapshot a = source.Load(), b = target.Load();
        Assert.Equal(a.Settings with { Version = 0 }, b.Settings with { Version = 0 });
        Assert.Equal(a.Profiles.Count, b.Profiles.Count);
        foreach (var (x, y) in a.Profiles.Zip(b.Profiles))
        {
            Assert.Empty(AuditDiff.Profile(x, y)); // every field, the password hash included
            Assert.True(_hasher.Verify(Secret, y.Password));
        }
        Assert.All(target.Audit(10), e => Assert.Equal(AuditActions.Imported, e.Action));
    }

    [Fact]
    public void Importing_the_same_data_again_changes_nothing()
    {
        SyncConfiguration source = Seeded();
        var again = source.Import(Read(ExportOf(source)), dryRun: false);
        Assert.True(again.IsOk);
        Assert.Empty(again.Value!);
    }

    [Fact]
    public void A_dry_run_lists_creations_changes_and_deletions_and_changes_nothing()
    {
        SyncConfiguration source = Seeded();
        JsonNode doc = JsonNode.Parse(ExportOf(source))!;
        doc["profiles"]![0]!["port"] = 9100;
        doc["settings"]!["alternativeProfile"] = null;
        JsonArray profiles = doc["profiles"]!.AsArray();
        JsonNode third = profiles[1]!.DeepClone();
        third["code"] = 3;
        profiles.Add(third);
        SyncConfiguration target = Service(_target);
        Assert.True(target.CreateProfile(Input(9)).IsOk);
        int auditBefore = target.Audit(100).Count;

        var plan = target.Import(Read(doc.ToJsonString()), dryRun: true);
        Assert.True(plan.IsOk);
        Assert.Equal(
            [(ImportChangeKind.Delete, (int?)9), (ImportChangeKind.Create, 1), (ImportChangeKind.Create, 2), (ImportChangeKind.Create, 3), (ImportChangeKind.Settings, null)],
            plan.Value!.Select(c => (c.Kind, c.Code)));
        Assert.Equal([9], target.Load().Profiles.Select(p => p.Code));
        Assert.Equal(auditBefore, target.Audit(100).Count);

        var update = source.Import(Read(doc.ToJsonString()), dryRun: true).Value!;
        Assert.Contains(update, c => c.Kind == ImportChangeKind.Update && c.Code == 1 && c.Changes.Contains(new FieldChange(Fields.Port, "9001", "9100")));
        Assert.Contains(update, c => c.Kind == ImportChangeKind.Create && c.Code == 3);
    }

    [Fact]
    public void A_file_with_one_bad_profile_changes_nothing()
    {
        SyncConfiguration source = Seeded();
        JsonNode doc = JsonNode.Parse(ExportOf(source))!;
        doc["profiles"]![0]!["description"] = "Nova descrição"; // a good change...
        doc["profiles"]![1]!["port"] = 9000; // ...and the MSS port
        SyncSnapshot before = source.Load();
        var outcome = source.Import(Read(doc.ToJsonString()), dryRun: false);
        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.True(outcome.Errors.Count == 1, string.Join("; ", outcome.Errors));
        FieldError e = outcome.Errors[0];
        Assert.Equal((Fields.Port, MessageKeys.PortIsMssPort, (int?)2), (e.Field, e.MessageKey, e.Item));
        SyncSnapshot after = source.Load();
        Assert.Equal(before.Settings, after.Settings);
        Assert.Equal(before.Profiles.Select(p => (p.Description, p.Version)), after.Profiles.Select(p => (p.Description, p.Version)));
    }

    [Fact]
    public void References_codes_hashes_and_the_schema_version_are_checked_before_anything_is_applied()
    {
        SyncConfiguration source = Seeded();
        JsonNode doc = JsonNode.Parse(ExportOf(source))!;
        doc["settings"]!["defaultProfile"] = 7;
        doc["profiles"]![1]!["code"] = 1;
        doc["profiles"]![0]!["password"]!["iterations"] = 1000;
        var outcome = source.Import(Read(doc.ToJsonString()), dryRun: false);
        Assert.Equal(
            [(Fields.Password, MessageKeys.InvalidPasswordHash), (Fields.Code, MessageKeys.DuplicateCode), (Fields.DefaultProfile, MessageKeys.ProfileNotFound)],
            outcome.Errors.Select(e => (e.Field, e.MessageKey)));

        doc = JsonNode.Parse(ExportOf(source))!;
        doc["schemaVersion"] = ImportData.CurrentSchemaVersion + 1;
        var newer = source.Import(Read(doc.ToJsonString()), dryRun: true);
        Assert.Equal(MessageKeys.NewerSchema, Assert.Single(newer.Errors).MessageKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"schemaVersion\": \"1\", \"settings\": {}, \"profiles\": []}")]
    [InlineData("{\"schemaVersion\": 1, \"settings\": {\"frequencyHours\": 24}, \"profiles\": [42]}")]
    [InlineData("{\"schemaVersion\": 1, \"settings\": {\"frequencyHours\": 24}, \"profiles\": [{\"code\": \"1\"}]}")]
    [InlineData("{\"schemaVersion\": 1}")]
    public void A_malformed_file_is_a_list_of_problems_never_an_exception(string json)
    {
        var (data, errors) = ExportFile.Read(json);
        Assert.Null(data);
        Assert.NotEmpty(errors);
    }
}
