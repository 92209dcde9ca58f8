using System.CommandLine;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>
/// The options of `profiles add` and `profiles edit`. Each carries the field it sets and how it sets it on a
/// <see cref="ProfileInput"/>: an option given overrides that field, an option left out leaves it as it was.
/// </summary>
public sealed class ProfileOptions
{
    /// <summary>One option and how its value (if given) changes the input; a malformed word becomes a field error.</summary>
    private sealed record Setter(Option Option, Func<ParseResult, ProfileInput, List<FieldError>, ProfileInput> Apply);

    private readonly IReadOnlyList<Setter> _setters;

    /// <param name="tables">The table catalogue, for completing --filter.</param>
    private ProfileOptions(Strings s, bool creating, IReadOnlyList<string> tables)
    {
        FieldOption<string?> Option(string name, string field, TextKey description, string help, bool required = false) =>
            new(name, field) { Description = s[description], HelpName = help, Required = required };

        Setter Text(string name, string field, TextKey description, string help, Func<ProfileInput, string, ProfileInput> set, bool required = false)
        {
            FieldOption<string?> option = Option(name, field, description, help, required);
            return new Setter(option, (p, input, _) => p.GetValue(option) is string value ? set(input, value) : input);
        }

        FieldOption<string?> encryption = Option("--encryption", Fields.Encryption, TextKey.Cli_OptEncryption, $"{Vocabulary.On}|{Vocabulary.Off}");
        FieldOption<string?> internet = Option("--internet", Fields.InternetAccess, TextKey.Cli_OptInternet, Vocabulary.InternetAccess.All);
        var filter = new FieldOption<string[]?>("--filter", Fields.TransferFilter) { Description = s[TextKey.Cli_OptFilter], HelpName = s[TextKey.Cli_MetaTable] + ":" + Vocabulary.Direction.All };
        encryption.CompletionSources.Add(Vocabulary.On, Vocabulary.Off);
        internet.CompletionSources.Add(Vocabulary.InternetAccess.All.Split('|'));
        filter.CompletionSources.Add([.. tables.SelectMany(t => Vocabulary.Direction.All.Split('|').Select(d => $"{t}:{d}")), Vocabulary.Off]);
        var setters = new List<Setter>();
        if (creating)
            setters.Add(Text("--code", Fields.Code, TextKey.Cli_OptCode, "N", (i, v) => i with { Code = v }, required: true));
        setters.AddRange([
            Text("--description", Fields.Description, TextKey.Cli_OptDescription, "D", (i, v) => i with { Description = v }, creating),
            Text("--host", Fields.Host, TextKey.Cli_OptHost, "H", (i, v) => i with { Host = v }, creating),
            Text("--port", Fields.Port, TextKey.Cli_OptPort, "P", (i, v) => i with { Port = v }, creating),
            Text("--timeout", Fields.TimeoutSeconds, TextKey.Cli_OptTimeout, "S", (i, v) => i with { TimeoutSeconds = v }),
            Text("--retries", Fields.Retries, TextKey.Cli_OptRetries, "R", (i, v) => i with { Retries = v }),
            Text("--compression", Fields.Compression, TextKey.Cli_OptCompression, "L", (i, v) => i with { Compression = v }),
            new Setter(encryption, (p, input, errors) => Encryption(encryption, p.GetValue(encryption), input, errors)),
            new Setter(internet, (p, input, errors) => Internet(internet, p.GetValue(internet), input, errors)),
            Text("--external-host", Fields.ExternalHost, TextKey.Cli_OptExternalHost, "H", (i, v) => i with { ExternalHost = v }),
            Text("--external-port", Fields.ExternalPort, TextKey.Cli_OptExternalPort, "P", (i, v) => i with { ExternalPort = v }),
            new Setter(filter, (p, input, errors) => Filter(filter, p.GetValue(filter), input, errors)),
        ]);
        _setters = setters;
        PasswordStdin = new("--password-stdin", Fields.Password, Fields.PasswordConfirmation) { Description = s[TextKey.Cli_OptPasswordStdin] };
    }

    /// <summary>With --code, and --description, --host and --port required.</summary>
    public static ProfileOptions ForAdd(Strings s, IReadOnlyList<string> tables) => new(s, creating: true, tables);

    /// <summary>Every option optional; the code is the command's argument.</summary>
    public static ProfileOptions ForEdit(Strings s, IReadOnlyList<string> tables) => new(s, creating: false, tables);

    /// <summary>The password is the first line of standard input (never argv).</summary>
    public FieldOption<bool> PasswordStdin { get; }

    public void AddTo(Command command)
    {
        foreach (Setter setter in _setters)
            command.Add(setter.Option);
        command.Add(PasswordStdin);
    }

    /// <summary>The options given, laid over <paramref name="input"/>; a malformed word (--internet satellite) is added to <paramref name="errors"/>.</summary>
    public ProfileInput ApplyTo(ParseResult parsed, ProfileInput input, List<FieldError> errors) =>
        _setters.Aggregate(input, (current, setter) => setter.Apply(parsed, current, errors));

    private static ProfileInput Encryption(FieldOption<string?> option, string? text, ProfileInput input, List<FieldError> errors)
    {
        if (text is null)
            return input;
        if (Vocabulary.TryParseSwitch(text, out bool on))
            return input with { Encryption = on };
        errors.Add(option.Bad(text));
        return input;
    }

    private static ProfileInput Internet(FieldOption<string?> option, string? text, ProfileInput input, List<FieldError> errors)
    {
        if (text is null)
            return input;
        if (Vocabulary.InternetAccess.TryParse(text, out InternetAccess access))
            return input with { InternetAccess = access };
        errors.Add(option.Bad(text));
        return input;
    }

    /// <summary>`--filter off` turns the filter off; otherwise the tables given (TABLE or TABLE:send|receive|both) replace the selection.</summary>
    private static ProfileInput Filter(FieldOption<string[]?> option, string[]? items, ProfileInput input, List<FieldError> errors)
    {
        if (items is not { Length: > 0 })
            return input;
        if (items.Length == 1 && Vocabulary.TryParseSwitch(items[0], out bool on) && !on)
            return input with { FilterEnabled = false };
        var tables = new List<TableTransfer>();
        foreach (string item in items)
        {
            int colon = item.LastIndexOf(':');
            string name = colon < 0 ? item.Trim() : item[..colon].Trim();
            Direction direction = Direction.Both;
            if ((colon >= 0 && !Vocabulary.Direction.TryParse(item[(colon + 1)..], out direction)) || name.Length == 0)
                errors.Add(option.Bad(item));
            else
                tables.Add(TableTransfer.Of(name, direction));
        }
        return input with { FilterEnabled = true, Tables = tables };
    }
}
