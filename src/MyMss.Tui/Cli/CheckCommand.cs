using System.CommandLine;
using MyMss.Storage;
using MyMss.Tui.Hosting;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>`mymss check`: the configuration and database in use, the routes terminals will try, and what leaves them without one.</summary>
public static class CheckCommand
{
    public static Command Create(CliContext ctx)
    {
        Option<bool> json = CommonOptions.Json(ctx.Strings);
        var check = new Command("check", ctx.Strings[TextKey.Cli_Check]) { json };
        check.SetAction(p => ctx.Run(c => Check(ctx, c, p.GetValue(json))));
        return check;
    }

    /// <returns>0 when all is well, 1 with warnings.</returns>
    private static int Check(CliContext ctx, Composition composed, bool json)
    {
        var (config, service) = composed;
        Strings s = ctx.Strings;
        var (snap, routes, warnings) = service.Check();
        string database = Path.GetFullPath(config.DatabasePath);
        bool exists = service.DatabaseExists;
        if (json)
        {
            ctx.Out.WriteLine(JsonOutput.Write(w => JsonOutput.Check(w, config, database, exists, snap, routes, warnings, s)));
        }
        else
        {
            TextOutput.Aligned(ctx.Out, [
                (s[TextKey.Check_Configuration], s.Format(TextKey.Check_ConfigurationOk, config.ConfigFile, config.MssPort, s.Count(Counted.Tables, config.Tables.Count), config.Language)),
                (s[TextKey.Check_Database], exists
                    ? s.Format(TextKey.Check_DatabaseOk, database, LiteDbSyncStore.SchemaVersion, s.Count(Counted.Profiles, snap.Profiles.Count), snap.Settings.FrequencyHours)
                    : s.Format(TextKey.Check_DatabaseMissing, database)),
            ]);
            ctx.Out.WriteLine();
            foreach (string line in RouteText.Lines(s, routes, warnings))
                ctx.Out.WriteLine(line);
        }
        return warnings.Count == 0 && exists ? ExitCodes.Ok : ExitCodes.Refused;
    }
}
