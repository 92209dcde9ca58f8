using System.CommandLine;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Hosting;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>`mymss audit`: the history of changes, newest first, each with its id; `mymss audit revert ID` puts back the values from before one.</summary>
public static class AuditCommand
{
    public static Command Create(CliContext ctx)
    {
        Strings s = ctx.Strings;
        Option<bool> json = CommonOptions.Json(s);
        var limit = new Option<int>("--limit") { Description = s[TextKey.Cli_OptLimit], HelpName = "N", DefaultValueFactory = _ => 50 };
        var audit = new Command("audit", s[TextKey.Cli_Audit]) { json, limit };
        audit.SetAction(p => ctx.Run(c => Audit(ctx, c, p.GetValue(limit), p.GetValue(json))));

        var id = new Argument<long>("ID") { Description = s[TextKey.Cli_ArgChangeId] };
        var passwordStdin = new FieldOption<bool>("--password-stdin", Fields.Password, Fields.PasswordConfirmation)
        {
            Description = s[TextKey.Cli_OptRevertPassword],
        };
        var revert = new Command("revert", s[TextKey.Cli_AuditRevert]) { id, passwordStdin, json };
        revert.SetAction(p => ctx.Run(c => Revert(ctx, p, c.Service, p.GetValue(id), p.GetValue(passwordStdin), p.GetValue(json))));
        audit.Add(revert);
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

    /// <summary>
    /// Restores through the service's rules, in one unit of work (no version to carry between commands: a field changed
    /// since the entry is refused by name). The history keeps no password: a change of it is undone only by a new one,
    /// from stdin; without it the refusal says so.
    /// </summary>
    private static int Revert(CliContext ctx, ParseResult parsed, SyncConfiguration service, long id, bool passwordFromStdin, bool json)
    {
        var input = new RestoreInput(passwordFromStdin ? PasswordReader.FromStdin(ctx.In) : "");
        Outcome<Restored> outcome = service.Restore(id, input);
        Strings s = ctx.Strings;
        int exit = ctx.Done(parsed, outcome, json, (w, done) => JsonOutput.Audit(w, done.Recorded), done =>
        {
            ctx.Out.WriteLine(s.Format(TextKey.Cli_Reverted, id, done.Recorded.Id));
            bool created = AuditText.Created(done.Plan.Changes);
            foreach (FieldChange change in done.Plan.Changes)
                ctx.Out.WriteLine("    " + AuditText.Change(s, change, created));
            if (done.BecameDefault)
                ctx.Out.WriteLine(s.Format(TextKey.Cli_ProfileBecameDefault, done.Plan.ProfileCode!));
        });
        if (outcome.Value?.LicensingRefreshAdvised == true)
            ctx.Error.WriteLine(s[TextKey.Licensing_Reminder]);
        return exit;
    }
}
