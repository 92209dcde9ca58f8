using System.Text.Json.Nodes;
using CsCheck;
using MyMss.Core.Domain;
using MyMss.Core.Security;
using MyMss.Core.Services;
using MyMss.Testing;

namespace MyMss.Storage.Tests;

/// <summary>Any file handed to import — garbage, or a valid export with any value replaced by anything — is read and judged without an exception.</summary>
public sealed class HostileImportTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static readonly Gen<JsonNode?> AnyValue = Gen.OneOf<JsonNode?>(
        Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Double.Where(d => double.IsFinite(d)).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Const<JsonNode?>(() => null),
        Gen.Const<JsonNode?>(() => new JsonArray(1, "x")),
        Gen.Const<JsonNode?>(() => new JsonObject { ["a"] = 1 }),
        Gen.Const<JsonNode?>(() => JsonValue.Create(new string('9', 100_000))),
        Gen.Const<JsonNode?>(() => JsonValue.Create("\u202E😀\0")));

    private string ValidExport()
    {
        var service = new SyncConfiguration(new LiteDbSyncStore(_db.Path), new Pbkdf2PasswordHasher(), TestProfiles.Options);
        for (int code = 1; code <= 2; code++)
            Assert.True(service.CreateProfile(TestProfiles.Input(code, "pw") with
            {
                Description = $"P{code}", Host = "h.pt", InternetAccess = InternetAccess.Vpn, ExternalHost = "vpn.pt", FilterEnabled = true, Tables = [new TableTransfer("Rotas", true, false)],
            }).IsOk);
        return ExportFile.Export(service.Load(), DateTimeOffset.UtcNow);
    }

    /// <summary>Every value node of the document, as a way to replace it.</summary>
    private static List<Action<JsonNode?>> Slots(JsonNode node)
    {
        var slots = new List<Action<JsonNode?>>();
        if (node is JsonObject o)
            foreach (string key in o.Select(kv => kv.Key).ToList())
            {
                slots.Add(v => o[key] = v);
                if (o[key] is JsonNode child)
                    slots.AddRange(Slots(child));
            }
        else if (node is JsonArray a)
            for (int i = 0; i < a.Count; i++)
            {
                int at = i;
                slots.Add(v => a[at] = v);
                if (a[i] is JsonNode child)
                    slots.AddRange(Slots(child));
            }
        return slots;
    }

    [Fact]
    public void A_valid_export_with_any_value_replaced_is_judged_without_an_exception()
    {
        string valid = ValidExport();
        var service = new SyncConfiguration(new LiteDbSyncStore(_db.Path), new Pbkdf2PasswordHasher(), TestProfiles.Options);
        int slotCount = Slots(JsonNode.Parse(valid)!).Count;
        Gen.Select(Gen.Int[0, slotCount - 1].Array[1, 3], AnyValue.Array[3]).Sample((where, values) =>
        {
            JsonNode doc = JsonNode.Parse(valid)!;
            for (int i = 0; i < where.Length; i++)
            {
                List<Action<JsonNode?>> slots = Slots(doc);
                slots[where[i] % slots.Count](values[i]?.DeepClone());
            }
            var (data, errors) = ExportFile.Read(doc.ToJsonString());
            if (data is null)
            {
                Assert.NotEmpty(errors);
                return;
            }
            var outcome = service.Import(data, dryRun: true);
            Assert.True(outcome.IsOk || outcome.Errors.Count > 0);
        }, iter: 400);
    }

    [Fact]
    public void Any_text_is_judged_without_an_exception()
    {
        Gen.OneOf(Gen.String, Gen.String[Gen.Char['\0', '\u007f'], 0, 200], Gen.Const(() => new string('[', 10_000)), Gen.Const(() => "{\"schemaVersion\":" + new string('9', 5000) + "}"))
            .Sample(text =>
            {
                var (data, errors) = ExportFile.Read(text);
                Assert.True(data is not null || errors.Count > 0);
            }, iter: 2000);
    }
}
