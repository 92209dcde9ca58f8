using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>
/// The stable JSON of SPEC.md (camelCase names, null when unset), written by hand so that it needs no
/// reflection (NativeAOT) and so that nothing but the listed fields — never a password or hash — can appear.
/// </summary>
public static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
            body(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Profile(Utf8JsonWriter w, SyncProfile p)
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
        w.WriteString(Fields.InternetAccess, p.InternetAccess.ToString());
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
        w.WriteEndObject();
    }

    public static void Settings(Utf8JsonWriter w, SyncSettings s)
    {
        w.WriteStartObject();
        w.WriteNumber(Fields.FrequencyHours, s.FrequencyHours);
        NullableNumber(w, Fields.DefaultProfile, s.DefaultProfile);
        NullableNumber(w, Fields.AlternativeProfile, s.AlternativeProfile);
        w.WriteEndObject();
    }

    public static void Audit(Utf8JsonWriter w, AuditEntry e)
    {
        w.WriteStartObject();
        w.WriteString("atUtc", e.AtUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("user", e.User);
        w.WriteString("host", e.Host);
        w.WriteString("action", e.Action);
        NullableNumber(w, "profileCode", e.ProfileCode);
        w.WriteStartArray("changes");
        foreach (FieldChange c in e.Changes)
        {
            w.WriteStartObject();
            w.WriteString("field", c.Field);
            NullableString(w, "before", c.Before);
            NullableString(w, "after", c.After);
            if (c.Secret)
                w.WriteBoolean("secretChanged", true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
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

    private static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void NullableNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is int v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
