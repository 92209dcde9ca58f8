using System.CommandLine;
using System.Text.Json;
using MyMss.Core.Ports;
using MyMss.Core.Rules;
using MyMss.Tui.Configuration;
using MyMss.Tui.Hosting;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>
/// What every command of one run works with: the texts of the run's language, where to write and read, whether a
/// password may be asked on a terminal, and the run's composition — or the configuration problem that prevented it,
/// which a command (not `--help`) reports.
/// </summary>
/// <param name="CanPrompt">Standard input is a terminal: a password may be asked without echo. Tests and pipes: false.</param>
public sealed record CliContext(
    Strings Strings, TextWriter Out, TextWriter Error, TextReader In, bool CanPrompt, Composition? Composed, ConfigException? ConfigProblem)
{
    /// <summary>Runs a command over the composition; a bad configuration or an unusable database is one line and exit 4.</summary>
    public int Run(Func<Composition, int> command)
    {
        if (Composed is null)
        {
            Fail(ConfigProblem?.Message ?? "");
            return ExitCodes.StorageOrConfig;
        }
        try
        {
            return command(Composed);
        }
        catch (StoreException e)
        {
            Fail(Strings.Describe(e));
            return ExitCodes.StorageOrConfig;
        }
    }

    /// <summary>
    /// A command that only reads, on a database that does not exist yet: says so in one line naming the path (reading
    /// created nothing) and returns true; the command then gives its empty result with --json, and nothing more in text.
    /// </summary>
    public bool NoDatabase(Composition composed)
    {
        if (composed.Service.DatabaseExists)
            return false;
        Fail(Strings.Format(TextKey.Cli_NoDatabase, composed.Service.DatabasePath));
        return true;
    }

    /// <summary>The codes of the database's profiles, for shell completion; none when there is no database or it cannot be read.</summary>
    public IEnumerable<string> ProfileCodes()
    {
        if (Composed is null)
            return [];
        try
        {
            return Composed.Service.Overview().Profiles.Select(p => p.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        }
        catch (StoreException)
        {
            return [];
        }
    }

    /// <summary>One line on standard error: "mymss: …".</summary>
    public void Fail(string message) => Error.WriteLine("mymss: " + message);

    /// <summary>Every problem on standard error, each naming its field and the option that sets it; with --json also on standard output.</summary>
    public int Refused(ParseResult parsed, OutcomeStatus status, IReadOnlyList<FieldError> errors, bool json)
    {
        // The screen reloads and keeps the typed values; a script simply runs again.
        errors = errors.Select(e => e.MessageKey == MessageKeys.ChangedElsewhere ? e with { MessageKey = nameof(TextKey.Cli_ChangedElsewhere) } : e).ToList();
        if (json)
            Out.WriteLine(JsonOutput.Write(w => JsonOutput.Errors(w, status.ToString().ToLowerInvariant(), errors, Strings)));
        IReadOnlyDictionary<string, string> optionOf = FieldOptions.Of(parsed.RootCommandResult.Command);
        foreach (FieldError e in errors)
            Fail(Describe(e, optionOf));
        return status switch
        {
            OutcomeStatus.NotFound or OutcomeStatus.Conflict => ExitCodes.NotFoundOrConflict,
            _ => ExitCodes.Refused,
        };
    }

    /// <summary>
    /// The end of a command that changes something: refused (every problem, exit 1 or 3), or done — the changed
    /// value's JSON with --json, the text for people otherwise — and exit 0.
    /// </summary>
    public int Done<T>(ParseResult parsed, Outcome<T> outcome, bool json, Action<Utf8JsonWriter, T> writeJson, Action<T> writeText)
    {
        if (!outcome.IsOk)
            return Refused(parsed, outcome.Status, outcome.Errors, json);
        T value = outcome.Value!;
        if (json)
            Out.WriteLine(JsonOutput.Write(w => writeJson(w, value)));
        else
            writeText(value);
        return ExitCodes.Ok;
    }

    /// <summary>"Porta (--port): …": the field's label and the option that sets it.</summary>
    private string Describe(FieldError e, IReadOnlyDictionary<string, string> optionOf) =>
        optionOf.TryGetValue(e.Field, out string? option) && e.MessageKey != nameof(TextKey.Cli_BadOption) && e.Item is null
            ? $"{Strings.FieldLabel(e.Field)} ({option}): {Strings.Message(e)}"
            : Strings.Describe(e);
}
