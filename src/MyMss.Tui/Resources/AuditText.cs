using System.Globalization;
using MyMss.Core.Domain;

namespace MyMss.Tui.Resources;

/// <summary>The audit trail as text for people, shared by the command line and the screen.</summary>
public static class AuditText
{
    public static IEnumerable<string> Lines(Strings s, IEnumerable<AuditEntry> entries)
    {
        foreach (AuditEntry e in entries)
        {
            string code = e.ProfileCode is int c ? " " + c.ToString(CultureInfo.InvariantCulture) : "";
            yield return $"{e.AtUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}  {Who(e)}  {(TextOf.Audit(e.Action) is TextKey action ? s[action] : e.Action)}{code}";
            foreach (FieldChange change in e.Changes)
                yield return "    " + Change(s, change);
        }
    }

    /// <summary>"root@srv1 (ana)": the account and host, and the person behind the account when it is someone else (sudo, su).</summary>
    public static string Who(AuditEntry e) => $"{e.User}@{e.Host}" + (e.Person is null ? "" : $" ({e.Person})");

    /// <summary>"Porta: 9001 → 9002"; a password only ever reads "alterada".</summary>
    public static string Change(Strings s, FieldChange c)
    {
        string label = s.FieldLabel(c.Field);
        if (c.Secret)
            return $"{label}: {s[TextKey.Audit_SecretChanged]}";
        return $"{label}: {Value(s, c.Field, c.Before)} → {Value(s, c.Field, c.After)}";
    }

    private static string Value(Strings s, string field, string? value) => value switch
    {
        null => "—",
        _ when field == Fields.InternetAccess && Vocabulary.InternetAccess.TryParse(value, out InternetAccess a, legacy: true) => s.AccessLabel(a),
        Vocabulary.On when field == Fields.Encryption => s[TextKey.Common_Yes],
        Vocabulary.Off when field == Fields.Encryption => s[TextKey.Common_No],
        _ => value,
    };
}
