using MyMss.Core.Domain;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Screens;

/// <summary>F1: every key and one line per field, from the manual, in the screen's language.</summary>
public static class HelpText
{
    public static readonly string[] FieldOrder =
    [
        Fields.FrequencyHours, Fields.DefaultProfile, Fields.AlternativeProfile, Fields.Code, Fields.Description, Fields.Password,
        Fields.Host, Fields.Port, Fields.TimeoutSeconds, Fields.Retries, Fields.Compression, Fields.Encryption,
        Fields.InternetAccess, Fields.ExternalHost, Fields.ExternalPort, Fields.TransferFilter,
    ];

    private static readonly string[] KeyLines =
    [
        "Help_KeyNew", "Help_KeyEdit", "Help_KeyDelete", "Help_KeySave", "Help_KeyHelp", "Help_KeyHistory", "Help_KeyRoutes",
        "Help_KeyQuit", "Help_KeyRepaint", "Help_KeyMove", "Help_KeyEditor", "Help_KeyTest",
    ];

    public static IEnumerable<string> Lines(Strings s)
    {
        yield return s["Help_Keys"];
        foreach (string key in KeyLines)
            yield return "  " + s[key];
        yield return "";
        yield return s["Help_Fields"];
        foreach (string field in FieldOrder)
            yield return $"  {s.FieldLabel(field)}: {s["Help_" + field]}";
    }
}
