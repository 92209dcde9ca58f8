using System.Globalization;
using MyMss.Core.Domain;

namespace MyMss.Tui.Resources;

/// <summary>
/// The audit trail as text for people, shared by the command line and the screen. Audit records keep the vocabulary
/// words ("on: Artigos:receive", "mobile", "on"); here they become the words of the screen ("Artigos: receber").
/// </summary>
public static class AuditText
{
    public static IEnumerable<string> Lines(Strings s, IReadOnlyList<AuditEntry> entries)
    {
        int idWidth = IdWidth(entries);
        foreach (AuditEntry e in entries)
        {
            yield return Heading(s, e, idWidth);
            bool created = Created(e.Changes);
            foreach (FieldChange change in e.Changes)
                yield return "    " + Change(s, change, created);
        }
    }

    /// <summary>"root@srv1 (ana)": the account and host, and the person behind the account when it is someone else (sudo, su).</summary>
    public static string Who(AuditEntry e) => $"{e.User}@{e.Host}" + (e.Person is null ? "" : $" ({e.Person})");
    /// <summary>The digits of the longest id of a list: each heading's id is padded to it, so that the dates line up.</summary>
    public static int IdWidth(IReadOnlyList<AuditEntry> entries) =>
        entries.Count == 0 ? 0 : entries.Max(e => e.Id).ToString(CultureInfo.InvariantCulture).Length;

    /// <summary>"#12  2025-05-14 09:12:03Z  tecnico@bo-server  Perfil alterado 2", a restore ending "(repõe #9)".</summary>
    /// <param name="idWidth">Digits the ids of a list take, so that what follows lines up.</param>
    public static string Heading(Strings s, AuditEntry e, int idWidth = 0)
    {
        string code = e.ProfileCode is int c ? " " + c.ToString(CultureInfo.InvariantCulture) : "";
        string restores = e.Restores is long r ? " " + s.Format(TextKey.Audit_RestoresOf, r) : "";
        return $"#{e.Id.ToString(CultureInfo.InvariantCulture).PadRight(idWidth)}  {e.AtUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}  "
            + $"{Who(e)}  {(TextOf.Audit(e.Action) is TextKey action ? s[action] : e.Action)}{code}{restores}";
    }

    /// <summary>The changes of a profile that did not exist before (created, or created by an import): its code had no value.</summary>
    public static bool Created(IEnumerable<FieldChange> changes) =>
        changes.Any(c => c.Field == Fields.Code && c.Before is null && c.After is not null);

    /// <summary>"Porta: 9001 → 9002"; a password reads only "definida" (on a new profile) or "alterada".</summary>
    public static string Change(Strings s, FieldChange c, bool created = false)
    {
        string label = s.FieldLabel(c.Field);
        if (c.Secret)
            return $"{label}: {s[created ? TextKey.Audit_SecretSet : TextKey.Audit_SecretChanged]}";
        return $"{label}: {Value(s, c.Field, c.Before)} → {Value(s, c.Field, c.After)}";
    }

    private static string Value(Strings s, string field, string? value) => value switch
    {
        null => "—",
        _ when field == Fields.InternetAccess && Vocabulary.InternetAccess.TryParse(value, out InternetAccess a, legacy: true) => s.AccessLabel(a),
        Vocabulary.On when field == Fields.Encryption => s[TextKey.Common_Yes],
        Vocabulary.Off when field == Fields.Encryption => s[TextKey.Common_No],
        _ when field == Fields.TransferFilter => Filter(s, value) ?? value,
        _ => value,
    };

    /// <summary>"off" → "desligado (…)"; "on: Artigos:receive, Encomendas:send" → "Artigos: receber; Encomendas: enviar" (see AuditDiff.Filter).</summary>
    private static string? Filter(Strings s, string value)
    {
        if (value == Vocabulary.Off)
            return s[TextKey.Filter_Off];
        // Null: not written by AuditDiff.Filter, shown as recorded.
        return AuditDiff.ParseFilter(value) is { } tables
            ? string.Join("; ", tables.Select(t => $"{t.Name}: {s[TextOf.Direction(t.Direction!.Value)]}"))
            : null;
    }
}
