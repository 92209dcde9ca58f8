using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;

namespace MyMss.Storage;

/// <summary>
/// The JSON of docs/json.md (camelCase, null when unset) for settings and profiles, and the export file built on it:
/// {"schemaVersion", "exportedAtUtc", "settings", "profiles"}, with each profile's password only as its hash.
/// Written and read by hand (no reflection: NativeAOT), so nothing but the listed fields can appear.
/// </summary>
public static class ExportFile
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            body(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteProfile(Utf8JsonWriter w, SyncProfile p, bool withPasswordHash)
    {
        w.WriteStartObject();
        w.WriteNumber(Fields.Code, p.Code);
        w.WriteString(Fields.Description, p.Description);
        w.WriteString(Fields.Host, p.Host);
        w.WriteNumber(Fields.Port, p.Port);
        w.WriteNumber(Fields.TimeoutSeconds, p.TimeoutSeconds);
        w.WriteNumber(Fields.Retries, p.Retries);
        w.WriteNumber(Fields.Compression, p.Compression);
        w.WriteBoolean(Fields.Encryption, p.Encryption);
        w.WriteString(Fields.InternetAccess, Vocabulary.InternetAccess.Of(p.InternetAccess));
        NullableString(w, Fields.ExternalHost, p.ExternalHost);
        NullableNumber(w, Fields.ExternalPort, p.ExternalPort);
        w.WriteStartObject(Fields.TransferFilter);
        w.WriteBoolean("enabled", p.TransferFilter.Enabled);
        w.WriteStartArray("tables");
        foreach (TableTransfer t in p.TransferFilter.Tables)
        {
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            w.WriteBoolean("send", t.Send);
            w.WriteBoolean("receive", t.Receive);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        if (withPasswordHash)
        {
            w.WriteStartObject(Fields.Password);
            w.WriteString("algorithm", p.Password.Algorithm);
            w.WriteNumber("iterations", p.Password.Iterations);
            w.WriteBase64String("salt", p.Password.Salt);
            w.WriteBase64String("hash", p.Password.Hash);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    public static void WriteSettings(Utf8JsonWriter w, SyncSettings s)
    {
        w.WriteStartObject();
        w.WriteNumber(Fields.FrequencyHours, s.FrequencyHours);
        NullableNumber(w, Fields.DefaultProfile, s.DefaultProfile);
        NullableNumber(w, Fields.AlternativeProfile, s.AlternativeProfile);
        w.WriteEndObject();
    }

    public static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    public static void NullableNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is int v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    /// <summary>The whole export document.</summary>
    public static string Export(SyncSnapshot snapshot, DateTimeOffset at) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteNumber(Fields.SchemaVersion, ImportData.CurrentSchemaVersion);
        w.WriteString("exportedAtUtc", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WritePropertyName(Fields.Settings);
        WriteSettings(w, snapshot.Settings);
        w.WriteStartArray(Fields.Profiles);
        foreach (SyncProfile p in snapshot.Profiles)
            WriteProfile(w, p, withPasswordHash: true);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>Writes the file readable by its owner only, through a temporary file renamed into place (never half a file).</summary>
    public static void WriteFile(string path, string content, bool overwrite)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, DatabaseFileGuard.OwnerOnly(FileMode.CreateNew, FileShare.None)))
            {
                stream.Write(Encoding.UTF8.GetBytes(content));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>
    /// Reads an export document into inputs for the rules. Any shape problem (bad JSON, a wrong type, a missing
    /// part) is a field error with its place; nothing here throws on content.
    /// </summary>
    public static (ImportData? Data, IReadOnlyList<FieldError> Errors) Read(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return (null, [new FieldError(Fields.File, MessageKeys.Malformed, (e.LineNumber ?? 0) + 1)]);
        }
        using (doc)
        {
            var errors = new List<FieldError>();
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, [new FieldError(Fields.File, MessageKeys.WrongType, "{ }")]);
            int? schema = Int(root, Fields.SchemaVersion, Fields.SchemaVersion, null, errors, out _);
            SettingsInput? settings = null;
            if (!root.TryGetProperty(Fields.Settings, out JsonElement s) || s.ValueKind != JsonValueKind.Object)
                errors.Add(new FieldError(Fields.Settings, MessageKeys.WrongType, "{ }"));
            else
                settings = new SettingsInput(
                    IntText(s, Fields.FrequencyHours, errors, null),
                    Int(s, Fields.DefaultProfile, Fields.DefaultProfile, null, errors, out _),
                    Int(s, Fields.AlternativeProfile, Fields.AlternativeProfile, null, errors, out _));
            var profiles = new List<ImportedProfile>();
            if (!root.TryGetProperty(Fields.Profiles, out JsonElement list) || list.ValueKind != JsonValueKind.Array)
                errors.Add(new FieldError(Fields.Profiles, MessageKeys.WrongType, "[ ]"));
            else
            {
                int item = 0;
                foreach (JsonElement p in list.EnumerateArray())
                {
                    item++;
                    if (p.ValueKind != JsonValueKind.Object)
                    {
                        errors.Add(new FieldError(Fields.Profiles, MessageKeys.WrongType, "{ }") { Item = item });
                        continue;
                    }
                    profiles.Add(Profile(p, item, errors));
                }
            }
            if (schema is null && errors.All(e => e.Field != Fields.SchemaVersion))
                errors.Add(new FieldError(Fields.SchemaVersion, MessageKeys.Required));
            return errors.Count > 0 || schema is null || settings is null ? (null, errors) : (new ImportData(schema.Value, settings, profiles), errors);
        }
    }

    private static ImportedProfile Profile(JsonElement p, int item, List<FieldError> errors)
    {
        var input = new ProfileInput
        {
            Code = IntText(p, Fields.Code, errors, item),
            Description = Str(p, Fields.Description, errors, item),
            Host = Str(p, Fields.Host, errors, item),
            Port = IntText(p, Fields.Port, errors, item),
            TimeoutSeconds = IntText(p, Fields.TimeoutSeconds, errors, item),
            Retries = IntText(p, Fields.Retries, errors, item),
            Compression = IntText(p, Fields.Compression, errors, item),
            Encryption = Bool(p, Fields.Encryption, errors, item),
            InternetAccess = Access(p, errors, item),
            ExternalHost = Str(p, Fields.ExternalHost, errors, item, optional: true),
            ExternalPort = IntText(p, Fields.ExternalPort, errors, item, optional: true),
        };
        if (p.TryGetProperty(Fields.TransferFilter, out JsonElement f) && f.ValueKind == JsonValueKind.Object)
        {
            var tables = new List<TableTransfer>();
            if (f.TryGetProperty("tables", out JsonElement t) && t.ValueKind == JsonValueKind.Array)
                foreach (JsonElement row in t.EnumerateArray())
                    if (row.ValueKind == JsonValueKind.Object)
                        tables.Add(new TableTransfer(Str(row, "name", errors, item, field: Fields.TransferFilter), Bool(row, "send", errors, item, Fields.TransferFilter), Bool(row, "receive", errors, item, Fields.TransferFilter)));
                    else
                        errors.Add(new FieldError(Fields.TransferFilter, MessageKeys.WrongType, "{ }") { Item = item });
            input = input with { FilterEnabled = Bool(f, "enabled", errors, item, Fields.TransferFilter), Tables = tables };
        }
        else
        {
            errors.Add(new FieldError(Fields.TransferFilter, MessageKeys.WrongType, "{ }") { Item = item });
        }
        return new ImportedProfile(input, Hash(p, errors, item), item);
    }

    private static PasswordHash Hash(JsonElement p, List<FieldError> errors, int item)
    {
        if (p.TryGetProperty(Fields.Password, out JsonElement h) && h.ValueKind == JsonValueKind.Object
            && h.TryGetProperty("algorithm", out JsonElement a) && a.ValueKind == JsonValueKind.String
            && h.TryGetProperty("iterations", out JsonElement i) && i.ValueKind == JsonValueKind.Number && i.TryGetInt32(out int iterations)
            && h.TryGetProperty("salt", out JsonElement salt) && salt.ValueKind == JsonValueKind.String && salt.TryGetBytesFromBase64(out byte[]? saltBytes)
            && h.TryGetProperty("hash", out JsonElement hash) && hash.ValueKind == JsonValueKind.String && hash.TryGetBytesFromBase64(out byte[]? hashBytes))
            return new PasswordHash(a.GetString()!, iterations, saltBytes, hashBytes);
        errors.Add(new FieldError(Fields.Password, MessageKeys.InvalidPasswordHash) { Item = item });
        return PasswordHash.None;
    }

    private static InternetAccess Access(JsonElement p, List<FieldError> errors, int item)
    {
        string text = Str(p, Fields.InternetAccess, errors, item);
        // Files of format 1 spelled the values as C# names ("MobileData"): still read, never written.
        if (Vocabulary.InternetAccess.TryParse(text, out InternetAccess access, legacy: true))
            return access;
        if (text.Length > 0)
            errors.Add(new FieldError(Fields.InternetAccess, MessageKeys.WrongType, Vocabulary.InternetAccess.All) { Item = item });
        return InternetAccess.None;
    }

    private static string Str(JsonElement o, string name, List<FieldError> errors, int? item, bool optional = false, string? field = null)
    {
        if (o.TryGetProperty(name, out JsonElement v))
        {
            if (v.ValueKind == JsonValueKind.String)
                return v.GetString()!;
            if (v.ValueKind == JsonValueKind.Null && optional)
                return "";
        }
        else if (optional)
        {
            return "";
        }
        errors.Add(new FieldError(field ?? name, MessageKeys.WrongType, "\"…\"") { Item = item });
        return "";
    }

    /// <summary>A number kept as its text, so that the rules (not this reader) judge its range.</summary>
    private static string IntText(JsonElement o, string name, List<FieldError> errors, int? item, bool optional = false)
    {
        if (o.TryGetProperty(name, out JsonElement v))
        {
            if (v.ValueKind == JsonValueKind.Number)
                return v.GetRawText();
            if (v.ValueKind == JsonValueKind.Null && optional)
                return "";
        }
        else if (optional)
        {
            return "";
        }
        errors.Add(new FieldError(name, MessageKeys.WrongType, "0..9") { Item = item });
        return "";
    }

    private static int? Int(JsonElement o, string name, string field, int? item, List<FieldError> errors, out bool present)
    {
        present = o.TryGetProperty(name, out JsonElement v) && v.ValueKind != JsonValueKind.Null;
        if (!present)
            return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n))
            return n;
        errors.Add(new FieldError(field, MessageKeys.WrongType, "0..9") { Item = item });
        return null;
    }

    private static bool Bool(JsonElement o, string name, List<FieldError> errors, int? item, string? field = null)
    {
        if (o.TryGetProperty(name, out JsonElement v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return v.GetBoolean();
        errors.Add(new FieldError(field ?? name, MessageKeys.WrongType, "true|false") { Item = item });
        return false;
    }
}
