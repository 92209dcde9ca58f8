using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MyMss.Core.Rules;

/// <summary>The building blocks every field rule is made of. Each adds its problem to a list and never throws.</summary>
public static class FieldRules
{
    public const int MaxHostLength = 253;

    /// <summary>Parses a whole number within [min, max]; blank, non-numeric and out-of-range text each give their own message.</summary>
    public static int? Integer(string? text, string field, int min, int max, List<FieldError> errors)
    {
        string t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            errors.Add(new FieldError(field, MessageKeys.Required));
            return null;
        }
        // Digits only (an optional leading minus): no exponents, thousands separators or hex.
        bool shapeOk = t.Length <= 20 && (t[0] == '-' ? t.Length > 1 && t.Skip(1).All(char.IsAsciiDigit) : t.All(char.IsAsciiDigit));
        if (!shapeOk)
        {
            errors.Add(new FieldError(field, MessageKeys.NotAnInteger));
            return null;
        }
        if (!long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) || value < min || value > max)
        {
            errors.Add(new FieldError(field, MessageKeys.OutOfRange, min, max));
            return null;
        }
        return (int)value;
    }

    /// <summary>Required, trimmed text of 1..max text elements, without control characters.</summary>
    public static string? Text(string? text, string field, int max, List<FieldError> errors)
    {
        string t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            errors.Add(new FieldError(field, MessageKeys.Required));
            return null;
        }
        if (t.Any(char.IsControl))
        {
            errors.Add(new FieldError(field, MessageKeys.ControlCharacters));
            return null;
        }
        if (new StringInfo(t).LengthInTextElements > max)
        {
            errors.Add(new FieldError(field, MessageKeys.TooLong, max));
            return null;
        }
        return t;
    }

    /// <summary>Required host: an RFC 1123 host name or an IPv4/IPv6 literal.</summary>
    public static string? Host(string? text, string field, List<FieldError> errors)
    {
        string t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            errors.Add(new FieldError(field, MessageKeys.Required));
            return null;
        }
        if (!IsValidHost(t))
        {
            errors.Add(new FieldError(field, MessageKeys.InvalidHost));
            return null;
        }
        return t;
    }

    public static bool IsValidHost(string host) => IsIPv4Literal(host) || IsIPv6Literal(host) || IsHostName(host);

    private static bool IsIPv4Literal(string s)
    {
        string[] parts = s.Split('.');
        return parts.Length == 4 && parts.All(p =>
            p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }

    private static bool IsIPv6Literal(string s)
    {
        string t = s.StartsWith('[') && s.EndsWith(']') ? s[1..^1] : s;
        return t.Contains(':') && t.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.' or '%' || char.IsAsciiLetterOrDigit(c))
            && IPAddress.TryParse(t, out IPAddress? a) && a.AddressFamily == AddressFamily.InterNetworkV6;
    }

    /// <summary>RFC 1123: labels of 1..63 letters, digits and hyphens, not starting or ending with a hyphen; the last label is not all digits.</summary>
    private static bool IsHostName(string s)
    {
        string h = s.EndsWith('.') ? s[..^1] : s;
        if (h.Length is 0 or > MaxHostLength)
            return false;
        string[] labels = h.Split('.');
        foreach (string label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
                return false;
            if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                return false;
        }
        return !labels[^1].All(char.IsAsciiDigit);
    }
}
