using MyMss.Core.Domain;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens.Keys;

namespace MyMss.Tui.Screens;

/// <summary>F1: every key of the main screen and of the editor, from their key tables, then one line per field, from the manual.</summary>
public static class HelpText
{
    /// <summary>The fields of a profile, in the editor's order.</summary>
    public static readonly string[] ProfileFields =
    [
        Fields.Code, Fields.Description, Fields.Password,
        Fields.Host, Fields.Port, Fields.TimeoutSeconds, Fields.Retries, Fields.Compression, Fields.Encryption,
        Fields.InternetAccess, Fields.ExternalHost, Fields.ExternalPort, Fields.TransferFilter,
    ];

    public static readonly string[] FieldOrder = [Fields.FrequencyHours, Fields.DefaultProfile, Fields.AlternativeProfile, .. ProfileFields];

    public static IEnumerable<string> Lines(Strings s)
    {
        yield return s[TextKey.Help_Keys];
        foreach (IBinding binding in MainScreen.Keybindings.Bindings.Concat<IBinding>(CommonKeys.Keybindings.Bindings))
            yield return Line(s, binding);
        yield return "  " + s[TextKey.Help_Navigation];
        yield return "";
        yield return s[TextKey.Help_EditorKeys];
        foreach (IBinding binding in ProfileEditor.Keybindings.Bindings)
            yield return Line(s, binding);
        yield return "";
        yield return s[TextKey.Help_HistoryKeys];
        foreach (IBinding binding in HistoryDialog.Keybindings.Bindings)
            yield return Line(s, binding);
        yield return "";
        yield return s[TextKey.Help_Fields];
        foreach (string field in FieldOrder)
            yield return FieldLine(s, field);
    }

    /// <summary>F1 in the editor: the field with the cursor first, then the editor's keys and every field of a profile.</summary>
    public static IEnumerable<string> EditorLines(Strings s, string? focused)
    {
        if (focused is not null && TextOf.Help(focused) is not null)
        {
            yield return FieldLine(s, focused).TrimStart();
            yield return "";
        }
        yield return s[TextKey.Help_EditorKeys];
        foreach (IBinding binding in ProfileEditor.Keybindings.Bindings.Concat<IBinding>(CommonKeys.Keybindings.Bindings))
            yield return Line(s, binding);
        yield return "  " + s[TextKey.Help_EditorNavigation];
        yield return "";
        yield return s[TextKey.Help_Fields];
        foreach (string field in ProfileFields)
            yield return FieldLine(s, field);
    }

    private static string FieldLine(Strings s, string field) => $"  {s.FieldLabel(field)}: {(TextOf.Help(field) is TextKey help ? s[help] : "")}";

    /// <summary>"  F8, Del ou Alt+E: eliminar o perfil selecionado (pede confirmação)".</summary>
    public static string Line(Strings s, IBinding binding) => $"  {KeyNames.List(s, binding)}: {s.Format(binding.Help, binding.LabelIn(s))}";
}
