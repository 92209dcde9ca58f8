namespace MyMss.Core.Domain;

/// <summary>
/// The words of an enumerated value: what CLI options take, what --json, export files and audit records write.
/// One vocabulary everywhere (`--internet mobile` is printed back as "mobile"). Words are lower-case; a value may
/// also have the spelling older files used (the C# name, e.g. "MobileData"), which is read but never written.
/// </summary>
public sealed class Words<T> where T : struct, Enum
{
    private readonly (T Value, string Word, string? Legacy)[] _words;

    public Words(params (T Value, string Word, string? Legacy)[] words) => _words = words;

    /// <summary>"none|mobile|vpn|public", for usage lines and messages.</summary>
    public string All => string.Join("|", _words.Select(w => w.Word));

    public string Of(T value)
    {
        foreach (var w in _words)
            if (EqualityComparer<T>.Default.Equals(w.Value, value))
                return w.Word;
        throw new ArgumentOutOfRangeException(nameof(value), value, null);
    }

    /// <summary>A word (any case, surrounding blanks ignored); with <paramref name="legacy"/> also the old spelling.</summary>
    public bool TryParse(string? text, out T value, bool legacy = false)
    {
        string t = text?.Trim() ?? "";
        foreach (var w in _words)
        {
            if (t.Equals(w.Word, StringComparison.OrdinalIgnoreCase) || (legacy && t == w.Legacy))
            {
                value = w.Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}

/// <summary>The vocabulary of the values of Core's own records.</summary>
public static class Vocabulary
{
    public static readonly Words<InternetAccess> InternetAccess = new(
        (Domain.InternetAccess.None, "none", "None"),
        (Domain.InternetAccess.MobileData, "mobile", "MobileData"),
        (Domain.InternetAccess.Vpn, "vpn", "Vpn"),
        (Domain.InternetAccess.PublicInternet, "public", "PublicInternet"));

    public static readonly Words<Direction> Direction = new(
        (Domain.Direction.Send, "send", null),
        (Domain.Direction.Receive, "receive", null),
        (Domain.Direction.Both, "both", null));

    public const string On = "on", Off = "off";

    /// <summary>A switch (encryption): "on" or "off".</summary>
    public static string Switch(bool on) => on ? On : Off;

    public static bool TryParseSwitch(string? text, out bool on)
    {
        string t = text?.Trim() ?? "";
        on = t.Equals(On, StringComparison.OrdinalIgnoreCase);
        return on || t.Equals(Off, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Which way a table travels: Send = terminal→server, Receive = server→terminal.</summary>
public enum Direction
{
    Send,
    Receive,
    Both,
}
