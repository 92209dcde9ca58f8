using System.CommandLine;
using System.Reflection;
using System.Text;
using MyMss.Tui.Configuration;
using MyMss.Tui.Hosting;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>
/// The manual page mymss(1), in roff, written from the command tree and the texts of the run's language — the same
/// descriptions `--help` shows, so the page and the help cannot disagree. The hidden `mymss man` prints it; the package
/// installs `mymss --lang pt man` as the Portuguese page and `--lang en` as the English one.
/// </summary>
public static class ManPage
{
    public static Command Command(CliContext ctx, RootCommand root)
    {
        var man = new Command("man") { Hidden = true };
        man.SetAction(_ =>
        {
            ctx.Out.Write(Write(root, ctx.Strings));
            return ExitCodes.Ok;
        });
        return man;
    }

    public static string Write(RootCommand root, Strings s)
    {
        var page = new StringBuilder();
        void Line(string text) => page.Append(text).Append('\n');
        void Section(TextKey title) => Line(".SH " + Escape(s[title]));
        void Paragraph(string text)
        {
            Line(".PP");
            Line(Escape(text));
        }

        string version = typeof(ManPage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "";
        Line($".TH MYMSS 1 \"\" \"mymss {version}\" \"{Escape(s[TextKey.Man_Manual])}\"");
        Section(TextKey.Man_SectionName);
        Line(@"mymss \- " + Escape(s[TextKey.Man_Name]));

        Section(TextKey.Man_SectionSynopsis);
        Line(".B mymss");
        Line($"[\\fI{Escape(s[TextKey.Scl_HelpUsageOptions].Trim('[', ']'))}\\fR]");
        Line(".br");
        Line(".B mymss");
        Line($"\\fI{Escape(s[TextKey.Scl_HelpUsageCommand].Trim('[', ']'))}\\fR [\\fI{Escape(s[TextKey.Scl_HelpUsageOptions].Trim('[', ']'))}\\fR]");

        Section(TextKey.Man_SectionDescription);
        Paragraph(root.Description ?? "");
        Paragraph(s[TextKey.Man_Description]);

        Section(TextKey.Man_SectionCommands);
        foreach (var (path, command) in Leaves(root, "mymss"))
        {
            Line(".TP");
            Line($"\\fB{Escape(path)}\\fR" + string.Concat(command.Arguments.Select(a => $" \\fI{Escape(a.Name)}\\fR")));
            Line(Escape(command.Description ?? ""));
            Options(page, command.Options.Where(o => !o.Recursive && o is not System.CommandLine.Help.HelpOption), s);
        }

        Section(TextKey.Man_SectionOptions);
        Paragraph(s[TextKey.Man_OptionsIntro]);
        Options(page, root.Options, s, nested: false);

        Section(TextKey.Man_SectionConfiguration);
        Paragraph(s.Format(TextKey.Man_Configuration, ConfigLookup.EnvironmentVariable, ConfigLookup.SystemPath));
        Paragraph(s[TextKey.Man_ConfigurationPaths]);

        Section(TextKey.Man_SectionFiles);
        foreach (var (file, text) in new[]
        {
            (ConfigLookup.SystemPath, TextKey.Man_FileConfig),
            ("/var/lib/mymss/mymss.db", TextKey.Man_FileDatabase),
            ("mymss.db.lock, mymss-log.db, mymss-errors.log", TextKey.Man_FileBeside),
        })
            Item(page, $"\\fI{Escape(file)}\\fR", s[text]);

        Section(TextKey.Man_SectionEnvironment);
        Item(page, $"\\fB{ConfigLookup.EnvironmentVariable}\\fR", s[TextKey.Man_EnvConfig]);
        Item(page, $"\\fB{AppConfigLoader.EnvironmentPrefix}*\\fR", s[TextKey.Man_EnvKeys]);
        Item(page, @"\fBNO_COLOR\fR", s[TextKey.Cli_OptNoColor]);
        Item(page, @"\fBSUDO_USER\fR", s[TextKey.Man_EnvSudoUser]);

        Section(TextKey.Man_SectionExitStatus);
        foreach (var (code, text) in new[]
        {
            (ExitCodes.Ok, TextKey.Man_Exit0), (ExitCodes.Refused, TextKey.Man_Exit1), (ExitCodes.Usage, TextKey.Man_Exit2),
            (ExitCodes.NotFoundOrConflict, TextKey.Man_Exit3), (ExitCodes.StorageOrConfig, TextKey.Man_Exit4),
        })
            Item(page, $"\\fB{code}\\fR", s[text]);

        Section(TextKey.Man_SectionSeeAlso);
        Paragraph(s[TextKey.Man_SeeAlso]);
        return page.ToString();
    }

    /// <summary>Every command that does something, with its full name ("mymss profiles add"), in the order of the tree.</summary>
    private static IEnumerable<(string Path, Command Command)> Leaves(Command command, string path)
    {
        foreach (Command sub in command.Subcommands.Where(c => !c.Hidden))
        {
            string subPath = path + " " + sub.Name;
            if (sub.Action is not null)
                yield return (subPath, sub);
            foreach (var leaf in Leaves(sub, subPath))
                yield return leaf;
        }
    }

    private static void Options(StringBuilder page, IEnumerable<Option> options, Strings s, bool nested = true)
    {
        List<Option> list = [.. options.Where(o => !o.Hidden)];
        if (list.Count == 0)
            return;
        if (nested)
            page.Append(".RS\n");
        foreach (Option option in list)
        {
            string names = string.Join(", ", option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
                .Where(a => a is not ("-?" or "/?" or "/h")).Prepend(option.Name).Distinct().Select(a => $"\\fB{Escape(a)}\\fR"));
            string value = option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool) ? "" : $" \\fI{Escape(option.HelpName ?? option.Name.TrimStart('-').ToUpperInvariant())}\\fR";
            string required = option.Required ? " " + s[TextKey.Scl_HelpOptionsRequiredLabel] : "";
            Item(page, names + value, (option.Description ?? "") + required);
        }
        if (nested)
            page.Append(".RE\n");
    }

    private static void Item(StringBuilder page, string term, string text) =>
        page.Append(".TP\n").Append(term).Append('\n').Append(Escape(text)).Append('\n');

    /// <summary>
    /// Text as roff reads it literally: backslashes and hyphens escaped, no line starting a request, and every character
    /// beyond ASCII as its Unicode name (\[u00E7]), so the page needs no encoding guess from man, groff or mandoc.
    /// </summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (Rune rune in text.EnumerateRunes())
        {
            escaped.Append(rune.Value switch
            {
                '\\' => @"\e",
                '-' => @"\-",
                < 128 => rune.ToString(),
                _ => $"\\[u{rune.Value:X4}]",
            });
        }
        return escaped.Length > 0 && escaped[0] is '.' or '\'' ? @"\&" + escaped : escaped.ToString();
    }
}
