using System.CommandLine;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Storage;
using MyMss.Tui.Hosting;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>`mymss export FILE` and `mymss import FILE`: settings and profiles to and from the export format of docs/json.md.</summary>
public static class ExportImportCommands
{
    public static Command Export(CliContext ctx)
    {
        Strings s = ctx.Strings;
        Argument<string> file = FileArgument(s);
        var force = new Option<bool>("--force") { Description = s[TextKey.Cli_OptForce] };
        var export = new Command("export", s[TextKey.Cli_Export]) { file, force };
        // Nothing to export from a database that does not exist: said in one line, exit 3, no file written.
        export.SetAction(p => ctx.Run(c => ctx.NoDatabase(c) ? ExitCodes.NotFoundOrConflict : Export(ctx, c.Service, p.GetValue(file)!, p.GetValue(force))));
        return export;
    }

    public static Command Import(CliContext ctx)
    {
        Strings s = ctx.Strings;
        Argument<string> file = FileArgument(s);
        var dryRun = new Option<bool>("--dry-run") { Description = s[TextKey.Cli_OptDryRun] };
        Option<bool> json = CommonOptions.Json(s);
        var import = new Command("import", s[TextKey.Cli_Import]) { file, dryRun, json };
        import.SetAction(p => ctx.Run(c => Import(ctx, p, c.Service, p.GetValue(file)!, p.GetValue(dryRun), p.GetValue(json))));
        return import;
    }

    private static Argument<string> FileArgument(Strings s) => new(s[TextKey.Cli_MetaFile]) { Description = s[TextKey.Cli_ArgFile] };

    /// <summary>An existing file is replaced only with --force.</summary>
    private static int Export(CliContext ctx, SyncConfiguration service, string file, bool force)
    {
        Strings s = ctx.Strings;
        if (File.Exists(file) && !force)
        {
            ctx.Fail(s.Format(TextKey.Cli_FileExists, file));
            return ExitCodes.NotFoundOrConflict;
        }
        SyncSnapshot snap = service.Load();
        try
        {
            ExportFile.WriteFile(file, ExportFile.Export(snap, DateTimeOffset.UtcNow), overwrite: force);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            ctx.Fail(s.Format(TextKey.Cli_CannotWrite, file, e.Message));
            return ExitCodes.StorageOrConfig;
        }
        ctx.Out.WriteLine(s.Format(TextKey.Cli_Exported, s.Count(Counted.Profiles, snap.Profiles.Count), file));
        return ExitCodes.Ok;
    }

    /// <summary>The whole file is checked, then applied in one transaction or not at all; --dry-run only lists the changes.</summary>
    private static int Import(CliContext ctx, ParseResult parsed, SyncConfiguration service, string file, bool dryRun, bool json)
    {
        Strings s = ctx.Strings;
        ImportData? data;
        IReadOnlyList<FieldError> readErrors;
        try
        {
            (data, readErrors) = ExportFile.ReadFile(file); // at most ExportFile.MaxFileBytes, whatever the file is
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            ctx.Fail(s.Format(TextKey.Cli_CannotRead, file, e.Message));
            return ExitCodes.StorageOrConfig;
        }
        if (data is null)
            return ctx.Refused(parsed, OutcomeStatus.Invalid, readErrors, json);
        Outcome<IReadOnlyList<ImportChange>> outcome = service.Import(data, dryRun);
        int exit = ctx.Done(parsed, outcome, json, (w, changes) => JsonOutput.Import(w, dryRun, changes), changes =>
        {
            ctx.Out.WriteLine(s[dryRun ? TextKey.Cli_DryRun : TextKey.Cli_Imported]);
            if (changes.Count == 0)
                ctx.Out.WriteLine("  " + s[TextKey.Cli_NoChanges]);
            foreach (ImportChange c in changes)
            {
                ctx.Out.WriteLine("  " + (c.Kind == ImportChangeKind.Settings ? s[TextKey.Import_Settings] : s.Format(TextOf.Import(c.Kind), c.Code, c.Description)));
                foreach (FieldChange f in c.Changes)
                    ctx.Out.WriteLine("      " + AuditText.Change(s, f, created: c.Kind == ImportChangeKind.Create));
            }
        });
        // As after profiles add/edit: a profile created, or a port or password changed, by what was imported.
        if (!dryRun && outcome.Value?.Any(c => c.LicensingRefreshAdvised) == true)
            ctx.Error.WriteLine(s[TextKey.Licensing_Reminder]);
        return exit;
    }
}
