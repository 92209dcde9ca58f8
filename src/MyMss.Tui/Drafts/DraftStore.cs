using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MyMss.Core.Domain;
using MyMss.Tui.Hosting;

namespace MyMss.Tui.Drafts;

/// <summary>What an editor held and had not saved: the values as typed (never a password) and what they were typed over.</summary>
/// <param name="ProfileCode">The saved profile being changed; null for a new one.</param>
/// <param name="Input">The values; its ExpectedVersion is the version of the profile the technician last saw.</param>
/// <param name="Base">The values the editor opened with, to tell what was typed from what was only shown.</param>
public sealed record Draft(string User, DateTimeOffset SavedAtUtc, int? ProfileCode, ProfileInput Input, ProfileInput Base)
{
    /// <summary>
    /// The draft laid over the profile as it is now, after another session changed it: each field the technician
    /// changed keeps what was typed, each field only shown takes the current value (the other session's change stays).
    /// </summary>
    public ProfileInput Over(ProfileInput current)
    {
        T Pick<T>(Func<ProfileInput, T> field) => EqualityComparer<T>.Default.Equals(field(Input), field(Base)) ? field(current) : field(Input);
        TableTransfer Row(TableTransfer now)
        {
            TableTransfer? typed = Input.Tables.FirstOrDefault(t => Same(t, now)), shown = Base.Tables.FirstOrDefault(t => Same(t, now));
            return typed is null || typed == shown ? now : now with { Send = typed.Send, Receive = typed.Receive };
        }
        return current with
        {
            Description = Pick(i => i.Description),
            Host = Pick(i => i.Host),
            Port = Pick(i => i.Port),
            TimeoutSeconds = Pick(i => i.TimeoutSeconds),
            Retries = Pick(i => i.Retries),
            Compression = Pick(i => i.Compression),
            Encryption = Pick(i => i.Encryption),
            InternetAccess = Pick(i => i.InternetAccess),
            ExternalHost = Pick(i => i.ExternalHost),
            ExternalPort = Pick(i => i.ExternalPort),
            FilterEnabled = Pick(i => i.FilterEnabled),
            Tables = current.Tables.Select(Row).ToList(),
        };
    }

    private static bool Same(TableTransfer a, TableTransfer b) => string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The drafts of one OS user on one database: files beside it, `&lt;database&gt;.draft-&lt;user&gt;-&lt;session&gt;`, created 0600
/// and opened without following links (<see cref="PrivateFiles"/>). A session's draft is locked (flock) for as long as
/// the session lives, so another console of the same user never takes it for one a dead session left behind; the
/// kernel drops the lock however the session ends, SIGKILL included.
/// </summary>
public sealed class DraftStore(string databasePath, string user)
{
    /// <summary>A draft is a few kilobytes; anything much larger at that name is not one.</summary>
    private const int MaxDraftBytes = 256 * 1024;

    private string Folder => Path.GetDirectoryName(Path.GetFullPath(databasePath))!;

    private string Prefix => $"{Path.GetFileName(databasePath)}.draft-{SafeName(user)}-";

    /// <summary>The OS user running the program: a draft belongs to whoever typed it.</summary>
    public static string CurrentUser => Environment.UserName;

    /// <summary>Starts this session's draft file; null when none can be made (no folder, no right to write there).</summary>
    public SessionDraft? Begin()
    {
        string path = Path.Combine(Folder, Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        try
        {
            FileStream? file = PrivateFiles.CreateNew(path);
            if (file is null)
                return null;
            if (!PrivateFiles.TryLock(file))
            {
                file.Dispose();
                return null;
            }
            return new SessionDraft(path, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Drafts of this user that no living session holds — left by a session that died — newest first, each locked
    /// until disposed (a second console starting meanwhile does not offer them too). Files that cannot be read as a
    /// draft (a session killed before its first write) are removed.
    /// </summary>
    public IReadOnlyList<LeftDraft> Left()
    {
        var found = new List<LeftDraft>();
        IEnumerable<string> paths;
        try
        {
            paths = Directory.EnumerateFiles(Folder, Prefix + "*").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return found;
        }
        foreach (string path in paths)
        {
            FileStream? file = PrivateFiles.OpenToRead(path);
            if (file is null)
                continue;
            if (!PrivateFiles.TryLock(file))
            {
                file.Dispose(); // a living session's
                continue;
            }
            Draft? draft = Read(file);
            var left = new LeftDraft(path, file, draft);
            if (draft is null)
                left.Discard();
            else
                found.Add(left);
        }
        return found.OrderByDescending(d => d.Draft!.SavedAtUtc).ToList();
    }

    private static Draft? Read(FileStream file)
    {
        try
        {
            byte[] buffer = new byte[MaxDraftBytes + 1];
            int length = 0, read;
            while (length < buffer.Length && (read = file.Read(buffer, length, buffer.Length - length)) > 0)
                length += read;
            return length > MaxDraftBytes ? null : DraftJson.Parse(buffer.AsMemory(0, length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Removes a draft file, then lets its lock go (a draft that cannot be removed is offered again, never lost).</summary>
    internal static void Remove(string path, FileStream file)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        file.Dispose();
    }

    /// <summary>A user name as part of a file name: letters, digits, '.', '_' and '-' only.</summary>
    private static string SafeName(string name)
    {
        var b = new StringBuilder();
        foreach (char c in name)
            b.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        return b.Length == 0 ? "_" : b.ToString();
    }
}

/// <summary>This session's draft: rewritten in place as the technician types, removed when the editor is left or saved.</summary>
public sealed class SessionDraft : IDisposable
{
    private readonly string _path;
    private readonly FileStream _file;
    private long _length;

    internal SessionDraft(string path, FileStream file)
    {
        _path = path;
        _file = file;
    }

    public string Path => _path;

    /// <summary>
    /// Writes the draft over the previous one with a single write: the file always holds a whole draft — the last one,
    /// padded with blanks up to the length of a longer one before (blanks end a JSON document harmlessly) — even when
    /// the process is killed at any moment.
    /// </summary>
    public void Write(Draft draft)
    {
        byte[] json = DraftJson.Write(draft);
        byte[] content = json.Length >= _length ? json : [.. json, .. Enumerable.Repeat((byte)' ', (int)(_length - json.Length))];
        RandomAccess.Write(_file.SafeFileHandle, content, 0);
        _length = content.Length;
    }

    /// <summary>Nothing is left unsaved: the draft goes.</summary>
    public void Discard() => DraftStore.Remove(_path, _file);

    /// <summary>The session ends with the draft kept (a signal, a failure): the next start offers it.</summary>
    public void Dispose() => _file.Dispose();
}

/// <summary>A draft a dead session left, locked by this one while it is offered.</summary>
public sealed class LeftDraft(string path, FileStream file, Draft? draft) : IDisposable
{
    public Draft? Draft => draft;

    public string Path => path;

    /// <summary>Discarded, or restored into an editor (whose own draft now holds it).</summary>
    public void Discard() => DraftStore.Remove(path, file);

    /// <summary>Kept for the next start.</summary>
    public void Dispose() => file.Dispose();
}

/// <summary>The draft file's JSON, written and read by hand (NativeAOT): {"draft": 1, "user", "savedAtUtc", "profile", "input": {…}, "base": {…}}.</summary>
internal static class DraftJson
{
    private const int Format = 1;

    public static byte[] Write(Draft d)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("draft", Format);
            w.WriteString("user", d.User);
            w.WriteString("savedAtUtc", d.SavedAtUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            Number(w, "profile", d.ProfileCode);
            w.WritePropertyName("input");
            WriteInput(w, d.Input);
            w.WritePropertyName("base");
            WriteInput(w, d.Base);
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>The values of an editor; no password, ever.</summary>
    private static void WriteInput(Utf8JsonWriter w, ProfileInput i)
    {
        w.WriteStartObject();
        w.WriteString(Fields.Code, i.Code);
        w.WriteString(Fields.Description, i.Description);
        w.WriteString(Fields.Host, i.Host);
        w.WriteString(Fields.Port, i.Port);
        w.WriteString(Fields.TimeoutSeconds, i.TimeoutSeconds);
        w.WriteString(Fields.Retries, i.Retries);
        w.WriteString(Fields.Compression, i.Compression);
        w.WriteBoolean(Fields.Encryption, i.Encryption);
        w.WriteString(Fields.InternetAccess, Vocabulary.InternetAccess.Of(i.InternetAccess));
        w.WriteString(Fields.ExternalHost, i.ExternalHost);
        w.WriteString(Fields.ExternalPort, i.ExternalPort);
        w.WriteBoolean("filterEnabled", i.FilterEnabled);
        w.WriteStartArray("tables");
        foreach (TableTransfer t in i.Tables)
        {
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            w.WriteBoolean("send", t.Send);
            w.WriteBoolean("receive", t.Receive);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Number(w, "baseVersion", i.ExpectedVersion);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, int? value)
    {
        if (value is int v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    /// <summary>The draft, or null when the bytes are not one this version wrote.</summary>
    public static Draft? Parse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(utf8);
            JsonElement r = doc.RootElement;
            if (r.GetProperty("draft").GetInt32() != Format)
                return null;
            if (ReadInput(r.GetProperty("input")) is not ProfileInput input || ReadInput(r.GetProperty("base")) is not ProfileInput shown)
                return null;
            DateTimeOffset at = DateTimeOffset.Parse(r.GetProperty("savedAtUtc").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            return new Draft(r.GetProperty("user").GetString()!, at, NumberOf(r, "profile"), input, shown);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static ProfileInput? ReadInput(JsonElement i)
    {
        if (!Vocabulary.InternetAccess.TryParse(i.GetProperty(Fields.InternetAccess).GetString(), out InternetAccess access))
            return null;
        return new ProfileInput
        {
            Code = i.GetProperty(Fields.Code).GetString()!,
            Description = i.GetProperty(Fields.Description).GetString()!,
            Host = i.GetProperty(Fields.Host).GetString()!,
            Port = i.GetProperty(Fields.Port).GetString()!,
            TimeoutSeconds = i.GetProperty(Fields.TimeoutSeconds).GetString()!,
            Retries = i.GetProperty(Fields.Retries).GetString()!,
            Compression = i.GetProperty(Fields.Compression).GetString()!,
            Encryption = i.GetProperty(Fields.Encryption).GetBoolean(),
            InternetAccess = access,
            ExternalHost = i.GetProperty(Fields.ExternalHost).GetString()!,
            ExternalPort = i.GetProperty(Fields.ExternalPort).GetString()!,
            FilterEnabled = i.GetProperty("filterEnabled").GetBoolean(),
            Tables = i.GetProperty("tables").EnumerateArray()
                .Select(t => new TableTransfer(t.GetProperty("name").GetString()!, t.GetProperty("send").GetBoolean(), t.GetProperty("receive").GetBoolean()))
                .ToList(),
            ExpectedVersion = NumberOf(i, "baseVersion"),
        };
    }

    private static int? NumberOf(JsonElement o, string name) =>
        o.GetProperty(name) is { ValueKind: JsonValueKind.Number } v ? v.GetInt32() : null;
}
