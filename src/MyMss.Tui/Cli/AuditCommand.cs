using System.CommandLine;
using MyMss.Core.Domain;
using MyMss.Tui.Hosting;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>`mymss audit`: the history of changes, newest first.</summary>
public static class AuditCommand
{
    public static Command Create(CliContext ctx)
    {
        Strings s = ctx.Strings;
        Option<bool> json = CommonOptions.Json(s);
        var limit = new Option<int>("--limit") { Description = s[TextKey.Cli_OptLimit], HelpName = "N", DefaultValueFactory = _ => 50 };
        var audit = new Command("audit", s[TextKey.Cli_Audit]) { json, limit };
        audit.SetAction(p => ctx.Run(c => Audit(ctx, c, p.GetValue(limit), p.GetValue(json))));
        return audit;
    }

    private static int Audit(CliContext ctx, Composition composed, int limit, bool json)
    {
        if (limit < 1)
        {
            ctx.Fail(ctx.Strings.Format(TextKey.Cli_BadOption, "--limit", limit, "N >= 1"));
            return ExitCodes.Usage;
        }
        if (ctx.NoDatabase(composed) && !json)
            return ExitCodes.Ok;
        IReadOnlyList<AuditEntry> entries = composed.Service.Audit(limit);
        if (json)
        {
            ctx.Out.WriteLine(JsonOutput.Array(entries, JsonOutput.Audit));
            return ExitCodes.Ok;
        }
        if (entries.Count == 0)
            ctx.Out.WriteLine(ctx.Strings[TextKey.Audit_Empty]);
        foreach (string line in AuditText.Lines(ctx.Strings, entries))
            ctx.Out.WriteLine(line);
        return ExitCodes.Ok;
    }
}
