using System.Globalization;
using System.Resources;
using MyMss.Core.Domain;
using MyMss.Core.Ports;
using MyMss.Core.Rules;

namespace MyMss.Tui.Resources;

/// <summary>
/// The texts of one language (pt is the neutral language of the resources, en a satellite). Texts are asked for by
/// <see cref="TextKey"/> or <see cref="Counted"/> (generated from tools/strings.tsv), so a missing text is a build error;
/// the message keys that Core hands out as strings are turned into texts by <see cref="TextOf"/>.
/// </summary>
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

    public string this[TextKey key] => Get(TextNames.Texts[(int)key]);

    public string Format(TextKey key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>"1 perfil", "3 perfis": the singular form for exactly one, the plural otherwise (both languages).</summary>
    public string Count(Counted key, long count) =>
        string.Format(CultureInfo.InvariantCulture, Get(TextNames.Counted[(int)key] + (count == 1 ? "#one" : "#other")), count);

    /// <summary>A message key handed out by Core (a rule, the store, a route warning), formatted with its arguments.</summary>
    public string Message(string key, params object?[] args) =>
        TextOf.Key(key) is TextKey text ? Format(text, args) : key;

    public string FieldLabel(string field) => TextOf.Field(field) is TextKey text ? this[text] : field;

    public string AccessLabel(InternetAccess access) => this[TextOf.Access(access)];

    /// <summary>"Porta: a porta 9000 é a porta do MSS (9000); …" — the field's label, then the problem.</summary>
    public string Describe(FieldError error) =>
        (error.Item is int item ? Format(TextKey.Import_Item, item) + " " : "") + $"{FieldLabel(error.Field)}: {Message(error)}";

    public string Message(FieldError error) => Message(error.MessageKey, error.Args);

    public string Describe(StoreException error) =>
        Message(error.MessageKey, error.Path, error.InnerException?.Message ?? "");

    private string Get(string name) => Manager.GetString(name, _culture) ?? name;
}
