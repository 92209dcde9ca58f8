using System.Globalization;
using System.Runtime.InteropServices;

namespace MyMss.Core.Domain;

/// <summary>One field's change. A secret never has values: only that it changed.</summary>
public sealed record FieldChange(string Field, string? Before, string? After, bool Secret = false);

/// <summary>
/// One recorded change: when (UTC), who (OS user, host, and the person behind that user when it is another), what, on
/// which profile, field by field.
/// </summary>
public sealed record AuditEntry(DateTimeOffset AtUtc, string User, string Host, string Action, int? ProfileCode, IReadOnlyList<FieldChange> Changes,
    string? Person = null)
{
    /// <summary>The number the store gave the entry (1, 2, … in the order recorded); 0 before it is stored.</summary>
    public long Id { get; init; }

    /// <summary>For a <see cref="AuditActions.Restored"/> entry: the entry whose values it put back.</summary>
    public long? Restores { get; init; }
}

/// <summary>
/// Who is making changes: recorded in every audit entry. <see cref="User"/> is the account the change is made with (the
/// effective user: root under sudo); <see cref="Person"/> the technician behind it when that is someone else — the user
/// who ran sudo, or the name they logged in with before su — and null when they are the same.
/// </summary>
public sealed record Actor(string User, string Host, string? Person = null)
{
    /// <summary>This process's account: on Windows DOMAIN\user (a domain account and a local one may share a name).</summary>
    public static Actor Current => OperatingSystem.IsWindows()
        ? new Actor(Environment.UserDomainName + "\\" + Environment.UserName, Environment.MachineName)
        : Of(Environment.UserName, Environment.MachineName, Environment.GetEnvironmentVariable("SUDO_USER"), LoginName());

    /// <summary>The person is the sudo user if there is one, otherwise the login name; neither is recorded when it is the user itself.</summary>
    public static Actor Of(string user, string host, string? sudoUser, string? loginName)
    {
        string? person = !string.IsNullOrWhiteSpace(sudoUser) ? sudoUser.Trim() : loginName?.Trim();
        return new Actor(user, host, string.IsNullOrEmpty(person) || person == user ? null : person);
    }

    /// <summary>The name of the user logged in on this session (getlogin(3)), kept across su and sudo; null without a login session.</summary>
    private static string? LoginName()
    {
        if (OperatingSystem.IsWindows())
            return null;
        try
        {
            return Marshal.PtrToStringUTF8(getlogin());
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc")]
    private static extern IntPtr getlogin();
}

public static class AuditActions
{
    public const string SettingsChanged = "settings.changed";
    public const string ProfileCreated = "profile.created";
    public const string ProfileUpdated = "profile.updated";
    public const string ProfileDeleted = "profile.deleted";
    public const string Imported = "import";
    /// <summary>The values before another entry put back (see SyncConfiguration.Restore).</summary>
    public const string Restored = "restore";
}

/// <summary>Field-by-field differences, with every value as text and the password only as "changed".</summary>
public static class AuditDiff
{
    public static IReadOnlyList<FieldChange> Profile(SyncProfile? before, SyncProfile? after)
    {
        var b = before is null ? null : Values(before);
        var a = after is null ? null : Values(after);
        var changes = new List<FieldChange>();
        foreach (string field in (a ?? b!).Keys)
        {
            string? x = b?[field], y = a?[field];
            if (x != y)
                changes.Add(new FieldChange(field, x, y));
        }
        bool passwordChanged = before is null || after is null
            ? after is not null
            : !before.Password.Hash.AsSpan().SequenceEqual(after.Password.Hash) || !before.Password.Salt.AsSpan().SequenceEqual(after.Password.Salt);
        if (passwordChanged)
            changes.Add(new FieldChange(Fields.Password, null, null, Secret: true));
        return changes;
    }

    public static IReadOnlyList<FieldChange> Settings(SyncSettings before, SyncSettings after)
    {
        var changes = new List<FieldChange>();
        void Add(string field, int? x, int? y)
        {
            if (x != y)
                changes.Add(new FieldChange(field, Text(x), Text(y)));
        }
        Add(Fields.FrequencyHours, before.FrequencyHours, after.FrequencyHours);
        Add(Fields.DefaultProfile, before.DefaultProfile, after.DefaultProfile);
        Add(Fields.AlternativeProfile, before.AlternativeProfile, after.AlternativeProfile);
        return changes;
    }

    private static Dictionary<string, string?> Values(SyncProfile p) => new()
    {
        [Fields.Code] = Text(p.Code),
        [Fields.Description] = p.Description,
        [Fields.Host] = p.Host,
        [Fields.Port] = Text(p.Port),
        [Fields.TimeoutSeconds] = Text(p.TimeoutSeconds),
        [Fields.Retries] = Text(p.Retries),
        [Fields.Compression] = Text(p.Compression),
        [Fields.Encryption] = Vocabulary.Switch(p.Encryption),
        [Fields.InternetAccess] = Vocabulary.InternetAccess.Of(p.InternetAccess),
        [Fields.ExternalHost] = p.ExternalHost,
        [Fields.ExternalPort] = Text(p.ExternalPort),
        [Fields.TransferFilter] = Filter(p.TransferFilter),
    };

    /// <summary>"off", or "on: Artigos:send, Preços:both".</summary>
    public static string Filter(TransferFilter f) => !f.Enabled ? Vocabulary.Off
        : Vocabulary.On + ": " + string.Join(", ", f.Tables.Where(t => t.Direction is not null)
            .Select(t => $"{t.Name}:{Vocabulary.Direction.Of(t.Direction!.Value)}"));

    /// <summary>
    /// The ticked tables of a value written by <see cref="Filter"/>: empty for "off" (which records no ticks), null when
    /// the text is not one <see cref="Filter"/> writes.
    /// </summary>
    public static IReadOnlyList<TableTransfer>? ParseFilter(string? value)
    {
        if (value == Vocabulary.Off)
            return [];
        string prefix = Vocabulary.On + ":";
        if (value is null || !value.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        var tables = new List<TableTransfer>();
        foreach (string table in value[prefix.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = table.LastIndexOf(':');
            if (colon <= 0 || !Vocabulary.Direction.TryParse(table[(colon + 1)..], out Direction direction))
                return null;
            tables.Add(TableTransfer.Of(table[..colon], direction));
        }
        return tables.Count == 0 ? null : tables;
    }

    /// <summary>Every field of a profile as the audit records it (the password, a secret, is not among them).</summary>
    public static IReadOnlyDictionary<string, string?> ValuesOf(SyncProfile p) => Values(p);

    private static string? Text(int? v) => v?.ToString(CultureInfo.InvariantCulture);
}
