using System.Text.Json;
using MyMss.Core.Domain;
using MyMss.Core.Network;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Storage;
using MyMss.Tui.Configuration;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>The command line's JSON: the stable format of docs/json.md (see <see cref="ExportFile"/>), audit entries and errors.</summary>
public static class JsonOutput
{
    public static string Write(Action<Utf8JsonWriter> body) => ExportFile.Json(body);

    /// <summary>A JSON array of items, each written by <paramref name="item"/>.</summary>
    public static string Array<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> item) => Write(w =>
    {
        w.WriteStartArray();
        foreach (T x in items)
            item(w, x);
        w.WriteEndArray();
    });

    /// <summary>A profile as `list`/`show` print it: never its password hash.</summary>
    public static void Profile(Utf8JsonWriter w, SyncProfile p) => ExportFile.WriteProfile(w, p, withPasswordHash: false);

    public static void Settings(Utf8JsonWriter w, SyncSettings s) => ExportFile.WriteSettings(w, s);

    public static void Audit(Utf8JsonWriter w, AuditEntry e)
    {
        w.WriteStartObject();
        w.WriteNumber("id", e.Id);
        w.WriteString("atUtc", e.AtUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("user", e.User);
        if (e.Person is null)
            w.WriteNull("person");
        else
            w.WriteString("person", e.Person);
        w.WriteString("host", e.Host);
        w.WriteString("action", e.Action);
        ExportFile.NullableNumber(w, "profileCode", e.ProfileCode);
        if (e.Restores is long restores)
            w.WriteNumber("restores", restores);
        else
            w.WriteNull("restores");
        Changes(w, e.Changes);
        w.WriteEndObject();
    }

    /// <summary>What `import --json` prints: whether it was a dry run, and each change.</summary>
    public static void Import(Utf8JsonWriter w, bool dryRun, IReadOnlyList<MyMss.Core.Services.ImportChange> changes)
    {
        w.WriteStartObject();
        w.WriteBoolean("dryRun", dryRun);
        w.WriteStartArray("changes");
        foreach (MyMss.Core.Services.ImportChange c in changes)
            ImportChange(w, c);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void ImportChange(Utf8JsonWriter w, MyMss.Core.Services.ImportChange c)
    {
        w.WriteStartObject();
        w.WriteString("change", ImportVocabulary.Change.Of(c.Kind));
        ExportFile.NullableNumber(w, "profileCode", c.Code);
        Changes(w, c.Changes);
        w.WriteEndObject();
    }

    private static void Changes(Utf8JsonWriter w, IReadOnlyList<FieldChange> changes)
    {
        w.WriteStartArray("changes");
        foreach (FieldChange c in changes)
        {
            w.WriteStartObject();
            w.WriteString("field", c.Field);
            ExportFile.NullableString(w, "before", Word(c.Field, c.Before));
            ExportFile.NullableString(w, "after", Word(c.Field, c.After));
            if (c.Secret)
                w.WriteBoolean("secretChanged", true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Audit records written before the vocabulary was one ("MobileData") are printed with today's words ("mobile").</summary>
    private static string? Word(string field, string? value) =>
        field == Fields.InternetAccess && Vocabulary.InternetAccess.TryParse(value, out InternetAccess access, legacy: true)
            ? Vocabulary.InternetAccess.Of(access)
            : value;

    public static void Probe(Utf8JsonWriter w, MyMss.Core.Network.EndpointReport r)
    {
        w.WriteStartObject();
        w.WriteString("endpoint", ProbeVocabulary.Endpoint.Of(r.Role));
        w.WriteString("host", r.Host);
        w.WriteNumber("port", r.Port);
        w.WriteString("result", ProbeVocabulary.Outcome.Of(r.Outcome));
        if (r.ConnectTime is TimeSpan t)
            w.WriteNumber("connectMs", Math.Round(t.TotalMilliseconds, 1));
        else
            w.WriteNull("connectMs");
        w.WriteNumber("attempts", r.Attempts);
        w.WriteEndObject();
    }

    /// <summary>What `check --json` prints: configuration, database, routes inside and outside, warnings.</summary>
    public static void Check(Utf8JsonWriter w, AppConfig config, string databasePath, bool databaseExists, SyncSnapshot snap, RoutePreview routes,
        IReadOnlyList<RouteWarning> warnings, Strings strings)
    {
        w.WriteStartObject();
        w.WriteStartObject("configuration");
        w.WriteString("file", config.ConfigFile);
        w.WriteNumber("mssPort", config.MssPort);
        w.WriteString("language", config.Language);
        w.WriteStartArray("tables");
        foreach (string t in config.Tables)
            w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("database");
        w.WriteString("path", databasePath);
        w.WriteBoolean("exists", databaseExists);
        w.WriteNumber("schemaVersion", LiteDbSyncStore.SchemaVersion);
        w.WriteNumber("profiles", snap.Profiles.Count);
        w.WriteEndObject();
        w.WriteStartObject("routes");
        Steps(w, "inside", routes.Inside);
        Steps(w, "outside", routes.Outside);
        w.WriteEndObject();
        w.WriteStartArray("warnings");
        foreach (RouteWarning warning in warnings)
        {
            w.WriteStartObject();
            w.WriteString("code", warning.MessageKey);
            w.WriteString("message", RouteText.Warning(strings, warning));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Steps(Utf8JsonWriter w, string name, IReadOnlyList<MyMss.Core.Services.RouteStep> steps)
    {
        w.WriteStartArray(name);
        foreach (var s in steps)
        {
            w.WriteStartObject();
            w.WriteNumber("order", s.Order);
            w.WriteNumber("code", s.Code);
            w.WriteString("description", s.Description);
            ExportFile.NullableString(w, "host", s.Host);
            ExportFile.NullableNumber(w, "port", s.Port);
            w.WriteString("internetAccess", Vocabulary.InternetAccess.Of(s.Access));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static void Errors(Utf8JsonWriter w, string status, IEnumerable<FieldError> errors, Strings strings)
    {
        w.WriteStartObject();
        w.WriteString("status", status);
        w.WriteStartArray("errors");
        foreach (FieldError e in errors)
        {
            w.WriteStartObject();
            w.WriteString("field", e.Field);
            w.WriteString("code", e.MessageKey);
            w.WriteString("message", strings.Describe(e));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
