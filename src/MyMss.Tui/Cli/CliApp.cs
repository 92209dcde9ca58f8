using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using MyMss.Tui.Configuration;
using MyMss.Tui.Hosting;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>
/// The `mymss` command line: reads --db and --lang, composes the run once, parses, reports usage errors (exit 2) and
/// invokes the command. Each command group is built in a file of its own; <see cref="MyMss.Core.Services.SyncConfiguration"/> holds every rule.
/// Output is aligned text in the run's language, or the JSON of docs/json.md with --json.
/// </summary>
/// <param name="canPrompt">Standard input is a terminal, so a password may be asked without echo.</param>
public sealed class CliApp(IAppHost host, TextWriter output, TextWriter error, TextReader input, bool canPrompt)
{
    public int Run(string[] args)
    {
        CliContext ctx = Compose(args);
        CommandLineTexts.Use(ctx.Strings);
        RootCommand root = Build(ctx);
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
                ctx.Fail(e.Message);
            error.WriteLine(ctx.Strings[TextKey.Cli_UsageHint]);
            return ExitCodes.Usage;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>
    /// The run's configuration and service, composed once before the command is known, so that help and messages come
    /// in the configured language. A configuration that cannot be used leaves help working (in --lang's language, or
    /// Portuguese); a command then reports it as one line and exit 4.
    /// </summary>
    private CliContext Compose(string[] args)
    {
        var (db, lang, config) = GlobalOptions(args);
        try
        {
            Composition composed = host.Compose(db, lang, config);
            return new CliContext(new Strings(composed.Config.Language), output, error, input, canPrompt, composed, null);
        }
        catch (ConfigException e)
        {
            return new CliContext(new Strings(lang ?? "pt"), output, error, input, canPrompt, null, e);
        }
    }

    /// <summary>--db, --lang and --config wherever they are on the line; everything else is for the real parse.</summary>
    private static (string? Db, string? Lang, string? Config) GlobalOptions(string[] args)
    {
        var neutral = new Strings("pt");
        Option<string?> db = CommonOptions.Db(neutral), lang = CommonOptions.Lang(neutral), config = CommonOptions.Config(neutral);
        ParseResult probe = new RootCommand { db, lang, config }.Parse(args);
        return (Value(db), Value(lang), Value(config));

        // "--lang" without a value: none here; the real parse reports it as a usage error (exit 2).
        string? Value(Option<string?> option)
        {
            try
            {
                return probe.GetValue(option);
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }

    private RootCommand Build(CliContext ctx)
    {
        Strings s = ctx.Strings;
        var noColor = new Option<bool>("--no-color") { Description = s[TextKey.Cli_OptNoColor] };
        var ascii = new Option<bool>("--ascii") { Description = s[TextKey.Cli_OptAscii] };
        Option<string?>[] everywhere = [CommonOptions.Db(s), CommonOptions.Lang(s), CommonOptions.Config(s)];
        var root = new RootCommand(s[TextKey.Cli_Description]) { everywhere[0], everywhere[1], everywhere[2], noColor, ascii };
        foreach (VersionOption version in root.Options.OfType<VersionOption>())
        {
            version.Action = new WriteLines(ctx.Out, () => VersionText.Lines(s));
            // --db, --lang and --config may stand anywhere on a line (docs/cli.md), so with --version too: `mymss --lang en
            // --version` is the version in English. Anything else with it is refused, as System.CommandLine does.
            version.Validators.Clear();
            version.Validators.Add(result =>
            {
                if (result.Parent is CommandResult line
                    && line.Children.Any(r => r is not OptionResult { Option: VersionOption } && !(r is OptionResult o && everywhere.Contains(o.Option))))
                    result.AddError(s.Format(TextKey.Scl_VersionOptionCannotBeCombinedWithOtherArguments, result.IdentifierToken?.Value ?? version.Name));
            });
        }
        // No command: the screen.
        root.SetAction(p => ctx.Run(composed => host.RunScreen(composed, new ScreenOptions(p.GetValue(noColor), p.GetValue(ascii)))));
        root.Add(SettingsCommand.Create(ctx));
        root.Add(ProfilesCommand.Create(ctx));
        root.Add(AuditCommand.Create(ctx));
        root.Add(CheckCommand.Create(ctx));
        root.Add(ExportImportCommands.Export(ctx));
        root.Add(ExportImportCommands.Import(ctx));
        root.Add(CompletionCommands.Completion(ctx));
        root.Add(CompletionCommands.Complete(ctx, Complete));
        root.Add(ManPage.Command(ctx, root));
        return root;
    }

    /// <summary>
    /// The completions at the end of <paramref name="line"/> (a command line without the program's name), from a tree
    /// composed for that line: its --db, --config and --lang say which database's profile codes to offer.
    /// </summary>
    private IEnumerable<string> Complete(string line)
    {
        string[] words = [.. System.CommandLine.Parsing.CommandLineParser.SplitCommandLine(line)];
        CliContext ctx = Compose(words);
        return CompletionCommands.Candidates(Build(ctx).Parse(line), line.Length).ToList();
    }

    /// <summary>An action that only writes lines (--version), whatever else the run would have done.</summary>
    private sealed class WriteLines(TextWriter output, Func<IEnumerable<string>> lines) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            foreach (string line in lines())
                output.WriteLine(line);
            return ExitCodes.Ok;
        }
    }
}
