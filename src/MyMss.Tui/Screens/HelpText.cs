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

    private static readonly TextKey[] KeyLines =
    [
        TextKey.Help_KeyNew, TextKey.Help_KeyEdit, TextKey.Help_KeyDelete, TextKey.Help_KeySave, TextKey.Help_KeyHelp, TextKey.Help_KeyHistory, TextKey.Help_KeyRoutes,
        TextKey.Help_KeyQuit, TextKey.Help_KeyRepaint, TextKey.Help_KeyMove, TextKey.Help_KeyEditor, TextKey.Help_KeyTest,
    ];

    public static IEnumerable<string> Lines(Strings s)
    {
        yield return s[TextKey.Help_Keys];
        foreach (TextKey key in KeyLines)
            yield return "  " + s[key];
        yield return "";
        yield return s[TextKey.Help_Fields];
        foreach (string field in FieldOrder)
            yield return $"  {s.FieldLabel(field)}: {(TextOf.Help(field) is TextKey help ? s[help] : "")}";
    }
}
