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
            using (FileStream stream = FilePermissions.OpenOwnerOnly(temp, FileMode.CreateNew, FileShare.None))
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
    /// The largest export file read: 32 MiB. An export of 10,000 profiles with every field at its longest (60-character
    /// description and host names, an external address, all ten tables in the filter) is 18.9 MB; anything larger is
    /// refused before it is parsed, so reading it takes a bounded amount of memory whatever the file is.
    /// </summary>
    public const int MaxFileBytes = 32 * 1024 * 1024;

    /// <summary>
    /// Reads an export file: at most <see cref="MaxFileBytes"/> bytes are ever read, whatever the file is — a huge
    /// sparse file is refused by its size, a pipe or a device (/dev/zero) once that many bytes have come. Throws
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when it cannot be read at all.
    /// </summary>
    public static (ImportData? Data, IReadOnlyList<FieldError> Errors) ReadFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        // A character device reports a length of 0 (and /dev/zero never ends): only a regular file's length is believed.
        if (stream.CanSeek && stream.Length > MaxFileBytes)
            return (null, [TooLarge()]);
        byte[] buffer = new byte[stream.CanSeek && stream.Length > 0 ? (int)stream.Length + 1 : 64 * 1024];
        int length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > MaxFileBytes)
                    return (null, [TooLarge()]);
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, MaxFileBytes + 1L));
            }
            int read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
                break;
            length += read;
        }
        return Read(buffer.AsMemory(0, length));
    }

    private static FieldError TooLarge() => new(Fields.File, MessageKeys.FileTooLarge, MaxFileBytes / (1024 * 1024));

    /// <summary>Reads an export document given as text (see <see cref="Read(ReadOnlyMemory{byte})"/>).</summary>
    public static (ImportData? Data, IReadOnlyList<FieldError> Errors) Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// Reads an export document (UTF-8, with or without a byte-order mark) into inputs for the rules. Any shape problem
    /// (bad JSON, a missing part, a wrong type) is a field error with its place; nothing here throws on content.
    /// </summary>
    public static (ImportData? Data, IReadOnlyList<FieldError> Errors) Read(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble))
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 16 });
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
            if (Part(root, Fields.Settings, JsonValueKind.Object, "{ }", null, errors) is JsonElement s)
                settings = new SettingsInput(
                    IntText(s, Fields.FrequencyHours, errors, null),
                    Int(s, Fields.DefaultProfile, Fields.DefaultProfile, null, errors, out _),
                    Int(s, Fields.AlternativeProfile, Fields.AlternativeProfile, null, errors, out _));
            var profiles = new List<ImportedProfile>();
            if (Part(root, Fields.Profiles, JsonValueKind.Array, "[ ]", null, errors) is JsonElement list)
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
                errors.Add(new FieldError(Fields.SchemaVersion, MessageKeys.Missing, "0..9"));
            return errors.Count > 0 || schema is null || settings is null ? (null, errors) : (new ImportData(schema.Value, settings, profiles), errors);
        }
    }

    /// <summary>An object or array of the document; absent is "missing", another kind of value is "wrong type".</summary>
    private static JsonElement? Part(JsonElement o, string name, JsonValueKind kind, string expected, int? item, List<FieldError> errors, string? field = null)
    {
        if (!o.TryGetProperty(name, out JsonElement v))
            errors.Add(new FieldError(field ?? name, MessageKeys.Missing, expected) { Item = item });
        else if (v.ValueKind != kind)
            errors.Add(new FieldError(field ?? name, MessageKeys.WrongType, expected) { Item = item });
        else
            return v;
        return null;
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
        if (Part(p, Fields.TransferFilter, JsonValueKind.Object, "{ }", item, errors) is JsonElement f)
        {
            var tables = new List<TableTransfer>();
            if (Part(f, "tables", JsonValueKind.Array, "[ ]", item, errors, Fields.TransferFilter) is JsonElement t)
                foreach (JsonElement row in t.EnumerateArray())
                    if (row.ValueKind == JsonValueKind.Object)
                        tables.Add(new TableTransfer(Str(row, "name", errors, item, field: Fields.TransferFilter), Bool(row, "send", errors, item, Fields.TransferFilter), Bool(row, "receive", errors, item, Fields.TransferFilter)));
                    else
                        errors.Add(new FieldError(Fields.TransferFilter, MessageKeys.WrongType, "{ }") { Item = item });
            input = input with { FilterEnabled = Bool(f, "enabled", errors, item, Fields.TransferFilter), Tables = tables };
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
        errors.Add(p.TryGetProperty(Fields.Password, out _)
            ? new FieldError(Fields.Password, MessageKeys.InvalidPasswordHash) { Item = item }
            : new FieldError(Fields.Password, MessageKeys.Missing, "{ }") { Item = item });
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
        if (!o.TryGetProperty(name, out JsonElement v))
        {
            if (!optional)
                errors.Add(new FieldError(field ?? name, MessageKeys.Missing, "\"…\"") { Item = item });
            return "";
        }
        if (v.ValueKind == JsonValueKind.String)
            return v.GetString()!;
        if (v.ValueKind != JsonValueKind.Null || !optional)
            errors.Add(new FieldError(field ?? name, MessageKeys.WrongType, "\"…\"") { Item = item });
        return "";
    }

    /// <summary>A number kept as its text, so that the rules (not this reader) judge its range.</summary>
    private static string IntText(JsonElement o, string name, List<FieldError> errors, int? item, bool optional = false)
    {
        if (!o.TryGetProperty(name, out JsonElement v))
        {
            if (!optional)
                errors.Add(new FieldError(name, MessageKeys.Missing, "0..9") { Item = item });
            return "";
        }
        if (v.ValueKind == JsonValueKind.Number)
            return v.GetRawText();
        if (v.ValueKind != JsonValueKind.Null || !optional)
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
        if (!o.TryGetProperty(name, out JsonElement v))
            errors.Add(new FieldError(field ?? name, MessageKeys.Missing, "true|false") { Item = item });
        else if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return v.GetBoolean();
        else
            errors.Add(new FieldError(field ?? name, MessageKeys.WrongType, "true|false") { Item = item });
        return false;
    }
}
