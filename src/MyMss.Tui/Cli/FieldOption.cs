using System.CommandLine;
using MyMss.Core.Rules;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>An option that sets fields of a profile or of the settings: `--port` the port, `--password-stdin` the password and its confirmation.</summary>
public interface IFieldOption
{
    string Name { get; }

    IReadOnlyList<string> Fields { get; }
}

/// <inheritdoc cref="IFieldOption"/>
public sealed class FieldOption<T>(string name, params string[] fields) : Option<T>(name), IFieldOption
{
    public IReadOnlyList<string> Fields { get; } = fields;

    /// <summary>A value this option does not take, refused with what it takes (its help name): "--internet: valor inválido "x" (esperado: none|mobile|vpn|public)".</summary>
    public FieldError Bad(string value) => new(Fields[0], nameof(TextKey.Cli_BadOption), Name, value, HelpName ?? "");
}

public static class FieldOptions
{
    /// <summary>
    /// The option that sets each field, from the options of every command under <paramref name="root"/>: a refusal names
    /// the option that changes the field even in another command (deleting the default profile points at `--default`).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Of(Command root)
    {
        var optionOf = new Dictionary<string, string>();
        foreach (Command command in CommandsUnder(root))
            foreach (IFieldOption option in command.Options.OfType<IFieldOption>())
                foreach (string field in option.Fields)
                    optionOf.TryAdd(field, option.Name);
        return optionOf;
    }

    private static IEnumerable<Command> CommandsUnder(Command command) => command.Subcommands.SelectMany(CommandsUnder).Prepend(command);
}
