using System.Globalization;
using System.Resources;
using MyMss.Core.Domain;
using MyMss.Core.Ports;
using MyMss.Core.Rules;

namespace MyMss.Tui.Resources;

/// <summary>The texts of one language (pt is the neutral language of the resources, en a satellite).</summary>
public sealed class Strings
{
    public static readonly IReadOnlyList<string> Languages = ["pt", "en"];
    private static readonly ResourceManager Manager = new("MyMss.Tui.Resources.Strings", typeof(Strings).Assembly);
    private readonly CultureInfo _culture;

    public Strings(string language)
    {
        Language = Languages.Contains(language) ? language : "pt";
        _culture = CultureInfo.GetCultureInfo(Language);
    }

    public string Language { get; }

    public string this[string key] => Manager.GetString(key, _culture) ?? key;

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    public string FieldLabel(string field) => this["Field_" + field];

    public string AccessLabel(InternetAccess access) => this["Access_" + access];

    /// <summary>"Porta: a porta 9000 é a porta do MSS (9000); …" — the field's label, then the problem.</summary>
    public string Describe(FieldError error) =>
        (error.Item is int item ? Format("Import_Item", item) + " " : "") + $"{FieldLabel(error.Field)}: {Message(error)}";

    public string Message(FieldError error) => Format(error.MessageKey, error.Args);

    public string Describe(StoreException error) =>
        Format(error.MessageKey, error.Path, error.InnerException?.Message ?? "");
}
