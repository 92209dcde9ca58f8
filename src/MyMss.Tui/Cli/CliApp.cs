using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MyMss.Core.Domain;
using MyMss.Core.Network;
using MyMss.Core.Ports;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Storage;
using MyMss.Tui.Configuration;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>What the command line needs from the composition root.</summary>
public interface IAppHost
{
    /// <summary>Loads configuration (throws <see cref="ConfigException"/>) and composes the service.</summary>
    (AppConfig Config, SyncConfiguration Service) Compose(string? db, string? lang);
    int RunScreen(string? db, string? lang, ScreenOptions options);
}

/// <summary>How the screen draws: without colours (--no-color or NO_COLOR), with ASCII lines only (--ascii or a terminal that cannot draw Unicode).</summary>
public sealed record ScreenOptions(bool NoColor, bool Ascii);

/// <summary>
/// The `mymss` command line: System.CommandLine for parsing, <see cref="SyncConfiguration"/> for every rule.
/// Output is aligned text in the chosen language, or the JSON of SPEC.md with --json.
/// </summary>
public sealed class CliApp
{
    private static readonly Dictionary<string, string> OptionOfField = new()
    {
        [Fields.Code] = "--code", [Fields.Description] = "--description", [Fields.Host] = "--host", [Fields.Port] = "--port",
        [Fields.TimeoutSeconds] = "--timeout", [Fields.Retries] = "--retries", [Fields.Compression] = "--compression",
        [Fields.Encryption] = "--encryption", [Fields.InternetAccess] = "--internet", [Fields.ExternalHost] = "--external-host",
        [Fields.ExternalPort] = "--external-port", [Fields.TransferFilter] = "--filter", [Fields.Password] = "--password-stdin",
        [Fields.PasswordConfirmation] = "--password-stdin", [Fields.FrequencyHours] = "--frequency",
        [Fields.DefaultProfile] = "--default", [Fields.AlternativeProfile] = "--alternative",
    };

    private readonly IAppHost _host;
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly TextReader _in;
    private Strings _strings = new("pt");

    public CliApp(IAppHost host, TextWriter output, TextWriter error, TextReader input)
    {
        _host = host;
        _out = output;
        _err = error;
        _in = input;
    }

    public int Run(string[] args)
    {
        // A first parse only to learn --db/--lang, so that help and messages come in the configured language.
        var (db, lang) = GlobalOptions(args);
        _strings = new Strings(LanguageOf(db, lang));
        Tree tree = Build();
        ParseResult parsed = tree.Root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                _err.WriteLine("mymss: " + error.Message);
            _err.WriteLine(_strings[TextKey.Cli_UsageHint]);
            return ExitCodes.Usage;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = _out, Error = _err, EnableDefaultExceptionHandler = false });
    }

    private (string? Db, string? Lang) GlobalOptions(string[] args)
    {
        Tree probe = Build();
        ParseResult p = probe.Root.Parse(args);
        return (p.GetValue(probe.Db), p.GetValue(probe.Lang));
    }

    private string LanguageOf(string? db, string? lang)
    {
        try
        {
            return _host.Compose(db, lang).Config.Language;
        }
        catch (Exception)
        {
            return lang is "en" ? "en" : "pt";
        }
    }

    private sealed record Tree(RootCommand Root, Option<string?> Db, Option<string?> Lang);

    private Tree Build()
    {
        Strings s = _strings;
        var db = new Option<string?>("--db") { Description = s[TextKey.Cli_OptDb], HelpName = "PATH", Recursive = true };
        var lang = new Option<string?>("--lang") { Description = s[TextKey.Cli_OptLang], HelpName = "pt|en", Recursive = true };
        var noColor = new Option<bool>("--no-color") { Description = s[TextKey.Cli_OptNoColor] };
        var ascii = new Option<bool>("--ascii") { Description = s[TextKey.Cli_OptAscii] };
        var root = new RootCommand(s[TextKey.Cli_Description]) { db, lang, noColor, ascii };
        root.SetAction(p => _host.RunScreen(p.GetValue(db), p.GetValue(lang), new ScreenOptions(p.GetValue(noColor), p.GetValue(ascii))));

        var json = new Option<bool>("--json") { Description = s[TextKey.Cli_OptJson] };

        // settings
        var settings = new Command("settings", s[TextKey.Cli_Settings]);
        var settingsShow = new Command("show", s[TextKey.Cli_SettingsShow]) { json };
        settingsShow.SetAction(p => Guarded(p, db, lang, svc => SettingsShow(svc, p.GetValue(json))));
        var frequency = new Option<string?>("--frequency") { Description = s[TextKey.Cli_OptFrequency], HelpName = "H" };
        var @default = new Option<string?>("--default") { Description = s[TextKey.Cli_OptDefault], HelpName = "CODE" };
        var alternative = new Option<string?>("--alternative") { Description = s[TextKey.Cli_OptAlternative], HelpName = "CODE|none" };
        var settingsSet = new Command("set", s[TextKey.Cli_SettingsSet]) { frequency, @default, alternative, json };
        settingsSet.SetAction(p => Guarded(p, db, lang, svc =>
            SettingsSet(svc, p.GetValue(frequency), p.GetValue(@default), p.GetValue(alternative), p.GetValue(json))));
        settings.Add(settingsShow);
        settings.Add(settingsSet);
        root.Add(settings);

        // profiles
        var profiles = new Command("profiles", s[TextKey.Cli_Profiles]);
        var list = new Command("list", s[TextKey.Cli_ProfilesList]) { json };
        list.SetAction(p => Guarded(p, db, lang, svc => ProfilesList(svc, p.GetValue(json))));
        var codeArg = new Argument<int>("CODE") { Description = s[TextKey.Cli_ArgCode] };
        var show = new Command("show", s[TextKey.Cli_ProfilesShow]) { codeArg, json };
        show.SetAction(p => Guarded(p, db, lang, svc => ProfilesShow(svc, p.GetValue(codeArg), p.GetValue(json))));

        ProfileOptions addOptions = ProfileOptions.Create(s, includeCode: true);
        var add = new Command("add", s[TextKey.Cli_ProfilesAdd]);
        addOptions.AddTo(add);
        add.Add(json);
        add.SetAction(p => Guarded(p, db, lang, svc => ProfilesAdd(svc, addOptions.Read(p), p.GetValue(addOptions.PasswordStdin), p.GetValue(json))));

        ProfileOptions editOptions = ProfileOptions.Create(s, includeCode: false);
        var edit = new Command("edit", s[TextKey.Cli_ProfilesEdit]) { codeArg };
        editOptions.AddTo(edit);
        edit.Add(json);
        edit.SetAction(p => Guarded(p, db, lang, svc =>
            ProfilesEdit(svc, p.GetValue(codeArg), editOptions.Read(p), p.GetValue(editOptions.PasswordStdin), p.GetValue(json))));

        var delete = new Command("delete", s[TextKey.Cli_ProfilesDelete]) { codeArg, json };
        delete.SetAction(p => Guarded(p, db, lang, svc => ProfilesDelete(svc, p.GetValue(codeArg), p.GetValue(json))));

        var test = new Command("test", s[TextKey.Cli_ProfilesTest]) { codeArg, json };
        test.SetAction(p => Guarded(p, db, lang, svc => ProfilesTest(svc, p.GetValue(codeArg), p.GetValue(json))));
        foreach (Command c in new[] { list, show, add, edit, delete, test })
            profiles.Add(c);
        root.Add(profiles);

        var limit = new Option<int>("--limit") { Description = s[TextKey.Cli_OptLimit], HelpName = "N", DefaultValueFactory = _ => 50 };
        var audit = new Command("audit", s[TextKey.Cli_Audit]) { json, limit };
        audit.SetAction(p => Guarded(p, db, lang, svc => Audit(svc, p.GetValue(limit), p.GetValue(json))));
        root.Add(audit);

        var check = new Command("check", s[TextKey.Cli_Check]) { json };
        check.SetAction(p => Guarded(p, db, lang, svc => Check(_host.Compose(p.GetValue(db), p.GetValue(lang)).Config, svc, p.GetValue(json))));
        root.Add(check);

        var fileArg = new Argument<string>("FILE") { Description = s[TextKey.Cli_ArgFile] };
        var force = new Option<bool>("--force") { Description = s[TextKey.Cli_OptForce] };
        var export = new Command("export", s[TextKey.Cli_Export]) { fileArg, force };
        export.SetAction(p => Guarded(p, db, lang, svc => Export(svc, p.GetValue(fileArg)!, p.GetValue(force))));
        root.Add(export);
        var dryRun = new Option<bool>("--dry-run") { Description = s[TextKey.Cli_OptDryRun] };
        var import = new Command("import", s[TextKey.Cli_Import]) { fileArg, dryRun, json };
        import.SetAction(p => Guarded(p, db, lang, svc => Import(svc, p.GetValue(fileArg)!, p.GetValue(dryRun), p.GetValue(json))));
        root.Add(import);
        return new Tree(root, db, lang);
    }

    /// <summary>Composes the service and turns configuration and storage failures into one line and exit code 4.</summary>
    private int Guarded(ParseResult p, Option<string?> db, Option<string?> lang, Func<SyncConfiguration, int> action)
    {
        try
        {
            var (_, service) = _host.Compose(p.GetValue(db), p.GetValue(lang));
            return action(service);
        }
        catch (ConfigException e)
        {
            _err.WriteLine("mymss: " + e.Message);
            return ExitCodes.StorageOrConfig;
        }
        catch (StoreException e)
        {
            _err.WriteLine("mymss: " + _strings.Describe(e));
            return ExitCodes.StorageOrConfig;
        }
    }

    // ---- settings ----

    private int SettingsShow(SyncConfiguration service, bool json)
    {
        SyncSnapshot snap = service.Load();
        if (json)
        {
            _out.WriteLine(JsonOutput.Write(w => JsonOutput.Settings(w, snap.Settings)));
            return ExitCodes.Ok;
        }
        WriteAligned([
            (_strings.FieldLabel(Fields.FrequencyHours), snap.Settings.FrequencyHours.ToString(CultureInfo.InvariantCulture)),
            (_strings.FieldLabel(Fields.DefaultProfile), ProfileName(snap, snap.Settings.DefaultProfile)),
            (_strings.FieldLabel(Fields.AlternativeProfile), ProfileName(snap, snap.Settings.AlternativeProfile)),
        ]);
        return ExitCodes.Ok;
    }

    private int SettingsSet(SyncConfiguration service, string? frequency, string? defaultCode, string? alternativeCode, bool json)
    {
        if (frequency is null && defaultCode is null && alternativeCode is null)
        {
            _err.WriteLine("mymss: " + _strings[TextKey.Cli_NothingToChange]);
            return ExitCodes.Usage;
        }
        SyncSnapshot snap = service.Load();
        var errors = new List<FieldError>();
        int? def = defaultCode is null ? snap.Settings.DefaultProfile : Code(defaultCode, Fields.DefaultProfile, "CODE", allowNone: false, errors);
        int? alt = alternativeCode is null ? snap.Settings.AlternativeProfile : Code(alternativeCode, Fields.AlternativeProfile, "CODE|none", allowNone: true, errors);
        if (errors.Count > 0)
            return Refused(OutcomeStatus.Invalid, errors, json);
        var input = new SettingsInput(frequency ?? snap.Settings.FrequencyHours.ToString(CultureInfo.InvariantCulture), def, alt, snap.Settings.Version);
        Outcome<SyncSettings> outcome = service.SaveSettings(input);
        if (!outcome.IsOk)
            return Refused(outcome.Status, outcome.Errors, json);
        if (json)
            _out.WriteLine(JsonOutput.Write(w => JsonOutput.Settings(w, outcome.Value!)));
        else
            _out.WriteLine(_strings[TextKey.Cli_SettingsSaved]);
        return ExitCodes.Ok;
    }

    private int? Code(string text, string field, string expected, bool allowNone, List<FieldError> errors)
    {
        if (allowNone && text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
            return null;
        int? code = FieldRules.Integer(text, field, ProfileRules.MinCode, ProfileRules.MaxCode, errors);
        if (code is null)
        {
            errors.RemoveAt(errors.Count - 1);
            errors.Add(BadOption(field, text, expected));
        }
        return code;
    }

    private static FieldError BadOption(string field, string value, string expected) =>
        new(field, nameof(TextKey.Cli_BadOption), OptionOfField[field], value, expected);

    // ---- connection test and check ----

    private int ProfilesTest(SyncConfiguration service, int code, bool json)
    {
        SyncProfile? profile = service.Load().Find(code);
        if (profile is null)
            return Refused(OutcomeStatus.NotFound, [new FieldError(Fields.Code, MessageKeys.ProfileNotFound, code)], json);
        // Each endpoint is printed as soon as it is known (a test can take timeout × attempts).
        var reports = new ConnectionTester().TestAsync(profile.Connection, new Reporter<EndpointReport>(r =>
        {
            if (!json)
                _out.WriteLine(RouteText.Probe(_strings, r));
        })).GetAwaiter().GetResult();
        if (json)
            _out.WriteLine(JsonOutput.Array(reports, JsonOutput.Probe));
        return reports.All(r => r.Reachable) ? ExitCodes.Ok : ExitCodes.Refused;
    }

    private int Check(AppConfig config, SyncConfiguration service, bool json)
    {
        var (snap, routes, warnings) = service.Check();
        string database = Path.GetFullPath(config.DatabasePath);
        if (json)
        {
            _out.WriteLine(JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("configuration");
                w.WriteString("file", config.ConfigFile);
                w.WriteNumber("mssPort", config.MssPort);
                w.WriteString("language", config.Language);
                w.WriteStartArray("tables");
                foreach (string t in config.Tables)
                    w.WriteStringValue(t);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteStartObject("database");
                w.WriteString("path", database);
                w.WriteNumber("schemaVersion", LiteDbSyncStore.SchemaVersion);
                w.WriteNumber("profiles", snap.Profiles.Count);
                w.WriteEndObject();
                w.WriteStartObject("routes");
                JsonOutput.Steps(w, "inside", routes.Inside);
                JsonOutput.Steps(w, "outside", routes.Outside);
                w.WriteEndObject();
                w.WriteStartArray("warnings");
                foreach (RouteWarning warning in warnings)
                {
                    w.WriteStartObject();
                    w.WriteString("code", warning.MessageKey);
                    w.WriteString("message", RouteText.Warning(_strings, warning));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }
        else
        {
            WriteAligned([
                (_strings[TextKey.Check_Configuration], _strings.Format(TextKey.Check_ConfigurationOk, config.ConfigFile, config.MssPort, _strings.Count(Counted.Tables, config.Tables.Count), config.Language)),
                (_strings[TextKey.Check_Database], _strings.Format(TextKey.Check_DatabaseOk, database, LiteDbSyncStore.SchemaVersion, _strings.Count(Counted.Profiles, snap.Profiles.Count), snap.Settings.FrequencyHours)),
            ]);
            _out.WriteLine();
            foreach (string line in RouteText.Lines(_strings, routes, warnings))
                _out.WriteLine(line);
        }
        return warnings.Count == 0 ? ExitCodes.Ok : ExitCodes.Refused;
    }

    // ---- export / import ----

    private int Export(SyncConfiguration service, string file, bool force)
    {
        if (File.Exists(file) && !force)
        {
            _err.WriteLine("mymss: " + _strings.Format(TextKey.Cli_FileExists, file));
            return ExitCodes.NotFoundOrConflict;
        }
        SyncSnapshot snap = service.Load();
        try
        {
            ExportFile.WriteFile(file, ExportFile.Export(snap, DateTimeOffset.UtcNow), overwrite: force);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            _err.WriteLine("mymss: " + _strings.Format(TextKey.Cli_CannotWrite, file, e.Message));
            return ExitCodes.StorageOrConfig;
        }
        _out.WriteLine(_strings.Format(TextKey.Cli_Exported, _strings.Count(Counted.Profiles, snap.Profiles.Count), file));
        return ExitCodes.Ok;
    }

    private int Import(SyncConfiguration service, string file, bool dryRun, bool json)
    {
        string content;
        try
        {
            content = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            _err.WriteLine("mymss: " + _strings.Format(TextKey.Cli_CannotRead, file, e.Message));
            return ExitCodes.StorageOrConfig;
        }
        var (data, readErrors) = ExportFile.Read(content);
        if (data is null)
            return Refused(OutcomeStatus.Invalid, readErrors, json);
        Outcome<IReadOnlyList<ImportChange>> outcome = service.Import(data, dryRun);
        if (!outcome.IsOk)
            return Refused(outcome.Status, outcome.Errors, json);
        IReadOnlyList<ImportChange> changes = outcome.Value!;
        if (json)
        {
            _out.WriteLine(JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("dryRun", dryRun);
                w.WriteStartArray("changes");
                foreach (ImportChange c in changes)
                    JsonOutput.ImportChange(w, c);
                w.WriteEndArray();
                w.WriteEndObject();
            }));
            return ExitCodes.Ok;
        }
        _out.WriteLine(_strings[dryRun ? TextKey.Cli_DryRun : TextKey.Cli_Imported]);
        if (changes.Count == 0)
            _out.WriteLine("  " + _strings[TextKey.Cli_NoChanges]);
        foreach (ImportChange c in changes)
        {
            _out.WriteLine("  " + (c.Kind == ImportChangeKind.Settings ? _strings[TextKey.Import_Settings] : _strings.Format(TextOf.Import(c.Kind), c.Code, c.Description)));
            foreach (FieldChange f in c.Changes)
                _out.WriteLine("      " + AuditText.Change(_strings, f));
        }
        return ExitCodes.Ok;
    }

    // ---- audit ----

    private int Audit(SyncConfiguration service, int limit, bool json)
    {
        if (limit < 1)
        {
            _err.WriteLine("mymss: " + _strings.Format(TextKey.Cli_BadOption, "--limit", limit, "N >= 1"));
            return ExitCodes.Usage;
        }
        IReadOnlyList<AuditEntry> entries = service.Audit(limit);
        if (json)
        {
            _out.WriteLine(JsonOutput.Array(entries, JsonOutput.Audit));
            return ExitCodes.Ok;
        }
        if (entries.Count == 0)
            _out.WriteLine(_strings[TextKey.Audit_Empty]);
        foreach (string line in AuditText.Lines(_strings, entries))
            _out.WriteLine(line);
        return ExitCodes.Ok;
    }

    // ---- profiles ----

    private int ProfilesList(SyncConfiguration service, bool json)
    {
        SyncSnapshot snap = service.Load();
        if (json)
        {
            _out.WriteLine(JsonOutput.Array(snap.Profiles, JsonOutput.Profile));
            return ExitCodes.Ok;
        }
        if (snap.Profiles.Count == 0)
        {
            _out.WriteLine(_strings[TextKey.Cli_NoProfiles]);
            return ExitCodes.Ok;
        }
        string[] headers = [_strings.FieldLabel(Fields.Code), _strings.FieldLabel(Fields.Description), _strings.FieldLabel(Fields.Host),
            _strings.FieldLabel(Fields.Port), _strings.FieldLabel(Fields.InternetAccess)];
        var rows = snap.Profiles.Select(p => new[]
        {
            p.Code.ToString(CultureInfo.InvariantCulture), p.Description, p.Host, p.Port.ToString(CultureInfo.InvariantCulture),
            _strings.AccessLabel(p.InternetAccess) + (p.ExternalHost is null ? "" : $" → {p.ExternalHost}:{p.ExternalPort}"),
        }).ToList();
        bool[] rightAligned = [true, false, false, true, false];
        int[] widths = headers.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        foreach (string[] row in rows.Prepend(headers))
            _out.WriteLine(string.Join("  ", row.Select((c, i) => rightAligned[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        return ExitCodes.Ok;
    }

    private int ProfilesShow(SyncConfiguration service, int code, bool json)
    {
        SyncSnapshot snap = service.Load();
        SyncProfile? p = snap.Find(code);
        if (p is null)
            return Refused(OutcomeStatus.NotFound, [new FieldError(Fields.Code, MessageKeys.ProfileNotFound, code)], json);
        if (json)
        {
            _out.WriteLine(JsonOutput.Write(w => JsonOutput.Profile(w, p)));
            return ExitCodes.Ok;
        }
        string Yes(bool b) => _strings[b ? TextKey.Common_Yes : TextKey.Common_No];
        var lines = new List<(string, string)>
        {
            (_strings.FieldLabel(Fields.Code), p.Code.ToString(CultureInfo.InvariantCulture)),
            (_strings.FieldLabel(Fields.Description), p.Description),
            (_strings.FieldLabel(Fields.Host), p.Host),
            (_strings.FieldLabel(Fields.Port), p.Port.ToString(CultureInfo.InvariantCulture)),
            (_strings.FieldLabel(Fields.TimeoutSeconds), p.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)),
            (_strings.FieldLabel(Fields.Retries), p.Retries.ToString(CultureInfo.InvariantCulture)),
            (_strings.FieldLabel(Fields.Compression), p.Compression.ToString(CultureInfo.InvariantCulture)),
            (_strings.FieldLabel(Fields.Encryption), Yes(p.Encryption)),
            (_strings.FieldLabel(Fields.InternetAccess), _strings.AccessLabel(p.InternetAccess)),
            (_strings.FieldLabel(Fields.ExternalHost), p.ExternalHost ?? "—"),
            (_strings.FieldLabel(Fields.ExternalPort), p.ExternalPort?.ToString(CultureInfo.InvariantCulture) ?? "—"),
            (_strings.FieldLabel(Fields.TransferFilter), p.TransferFilter.Enabled ? _strings[TextKey.Filter_On] : _strings[TextKey.Filter_Off]),
        };
        if (p.TransferFilter.Enabled)
            foreach (TableTransfer t in p.TransferFilter.Tables.Where(t => t.Send || t.Receive))
                lines.Add(("  " + t.Name, string.Join(" + ", new[] { t.Send ? _strings[TextKey.Common_Send] : null, t.Receive ? _strings[TextKey.Common_Receive] : null }.OfType<string>())));
        WriteAligned(lines);
        return ExitCodes.Ok;
    }

    private int ProfilesAdd(SyncConfiguration service, ProfileArgs args, bool passwordStdin, bool json)
    {
        SyncSnapshot snap = service.Load();
        var errors = new List<FieldError>();
        ProfileInput input = args.ApplyTo(service.NewProfileInput(snap.Profiles.Select(p => p.Code)) with { Code = "" }, errors);
        if (!ReadPassword(passwordStdin, confirm: true, ref input, errors))
            return Refused(OutcomeStatus.Invalid, errors, json);
        if (errors.Count > 0)
            return Refused(OutcomeStatus.Invalid, errors, json);
        Outcome<ProfileSaved> outcome = service.CreateProfile(input);
        return Saved(outcome, TextKey.Cli_ProfileCreated, json);
    }

    private int ProfilesEdit(SyncConfiguration service, int code, ProfileArgs args, bool passwordStdin, bool json)
    {
        SyncProfile? current = service.Load().Find(code);
        if (current is null)
            return Refused(OutcomeStatus.NotFound, [new FieldError(Fields.Code, MessageKeys.ProfileNotFound, code)], json);
        var errors = new List<FieldError>();
        ProfileInput input = args.ApplyTo(service.EditInput(current), errors);
        if (passwordStdin)
            input = input with { Password = PasswordReader.FromStdin(_in), PasswordConfirmation = null };
        if (errors.Count > 0)
            return Refused(OutcomeStatus.Invalid, errors, json);
        return Saved(service.UpdateProfile(code, input), TextKey.Cli_ProfileUpdated, json);
    }

    private int ProfilesDelete(SyncConfiguration service, int code, bool json)
    {
        Outcome<SyncProfile> outcome = service.DeleteProfile(code);
        if (!outcome.IsOk)
            return Refused(outcome.Status, outcome.Errors, json);
        if (json)
            _out.WriteLine(JsonOutput.Write(w => JsonOutput.Profile(w, outcome.Value!)));
        else
            _out.WriteLine(_strings.Format(TextKey.Cli_ProfileDeleted, code));
        return ExitCodes.Ok;
    }

    /// <summary>The password of a new profile: from stdin, or asked twice without echo on a terminal.</summary>
    private bool ReadPassword(bool fromStdin, bool confirm, ref ProfileInput input, List<FieldError> errors)
    {
        if (fromStdin)
        {
            input = input with { Password = PasswordReader.FromStdin(_in), PasswordConfirmation = null };
            return true;
        }
        if (!PasswordReader.CanPrompt)
        {
            errors.Add(new FieldError(Fields.Password, nameof(TextKey.Cli_PasswordNeedsStdin)));
            return false;
        }
        string password = PasswordReader.Prompt(_strings[TextKey.Cli_PasswordPrompt], _err);
        string? confirmation = confirm ? PasswordReader.Prompt(_strings[TextKey.Cli_PasswordConfirmPrompt], _err) : null;
        input = input with { Password = password, PasswordConfirmation = confirmation };
        return true;
    }

    private int Saved(Outcome<ProfileSaved> outcome, TextKey messageKey, bool json)
    {
        if (!outcome.IsOk)
            return Refused(outcome.Status, outcome.Errors, json);
        ProfileSaved saved = outcome.Value!;
        if (json)
        {
            _out.WriteLine(JsonOutput.Write(w => JsonOutput.Profile(w, saved.Profile)));
        }
        else
        {
            _out.WriteLine(_strings.Format(messageKey, saved.Profile.Code));
            if (saved.BecameDefault)
                _out.WriteLine(_strings.Format(TextKey.Cli_ProfileBecameDefault, saved.Profile.Code));
        }
        if (saved.LicensingRefreshAdvised)
            _err.WriteLine(_strings[TextKey.Licensing_Reminder]);
        return ExitCodes.Ok;
    }

    private int Refused(OutcomeStatus status, IReadOnlyList<FieldError> errors, bool json)
    {
        // The screen reloads and keeps the typed values; a script simply runs again.
        errors = errors.Select(e => e.MessageKey == MessageKeys.ChangedElsewhere ? e with { MessageKey = nameof(TextKey.Cli_ChangedElsewhere) } : e).ToList();
        if (json)
            _out.WriteLine(JsonOutput.Write(w => JsonOutput.Errors(w, status.ToString().ToLowerInvariant(), errors, _strings)));
        foreach (FieldError e in errors)
            _err.WriteLine("mymss: " + Describe(e));
        return status switch
        {
            OutcomeStatus.NotFound or OutcomeStatus.Conflict => ExitCodes.NotFoundOrConflict,
            _ => ExitCodes.Refused,
        };
    }

    /// <summary>"Porta (--port): …": the field's label and the option that sets it.</summary>
    private string Describe(FieldError e) =>
        OptionOfField.TryGetValue(e.Field, out string? option) && e.MessageKey != nameof(TextKey.Cli_BadOption) && e.Item is null
            ? $"{_strings.FieldLabel(e.Field)} ({option}): {_strings.Message(e)}"
            : _strings.Describe(e);

    private string ProfileName(SyncSnapshot snap, int? code) =>
        code is int c ? $"{c} · {snap.Find(c)?.Description ?? "?"}" : _strings[TextKey.Common_None];

    private void WriteAligned(IReadOnlyList<(string Label, string Value)> lines)
    {
        int width = lines.Max(l => l.Label.Length) + 1;
        foreach (var (label, value) in lines)
            _out.WriteLine((label + ":").PadRight(width + 1) + value);
    }

    // ---- profile options, shared by add and edit ----

    private sealed record ProfileArgs(
        string? Code, string? Description, string? Host, string? Port, string? Timeout, string? Retries, string? Compression,
        string? Encryption, string? Internet, string? ExternalHost, string? ExternalPort, string[]? Filter)
    {
        /// <summary>Overrides the given options on a base input; malformed enumerations become field errors.</summary>
        public ProfileInput ApplyTo(ProfileInput b, List<FieldError> errors)
        {
            ProfileInput r = b with
            {
                Code = Code ?? b.Code,
                Description = Description ?? b.Description,
                Host = Host ?? b.Host,
                Port = Port ?? b.Port,
                TimeoutSeconds = Timeout ?? b.TimeoutSeconds,
                Retries = Retries ?? b.Retries,
                Compression = Compression ?? b.Compression,
                ExternalHost = ExternalHost ?? b.ExternalHost,
                ExternalPort = ExternalPort ?? b.ExternalPort,
            };
            if (Encryption is not null)
            {
                if (Vocabulary.TryParseSwitch(Encryption, out bool on)) r = r with { Encryption = on };
                else errors.Add(BadOption(Fields.Encryption, Encryption, $"{Vocabulary.On}|{Vocabulary.Off}"));
            }
            if (Internet is not null)
            {
                if (Vocabulary.InternetAccess.TryParse(Internet, out InternetAccess access)) r = r with { InternetAccess = access };
                else errors.Add(BadOption(Fields.InternetAccess, Internet, Vocabulary.InternetAccess.All));
            }
            if (Filter is { Length: > 0 })
                r = ApplyFilter(r, errors);
            return r;
        }

        private ProfileInput ApplyFilter(ProfileInput r, List<FieldError> errors)
        {
            if (Filter!.Length == 1 && Vocabulary.TryParseSwitch(Filter[0], out bool on) && !on)
                return r with { FilterEnabled = false };
            var tables = new List<TableTransfer>();
            foreach (string item in Filter)
            {
                int colon = item.LastIndexOf(':');
                string name = colon < 0 ? item.Trim() : item[..colon].Trim();
                Direction direction = Direction.Both;
                if ((colon >= 0 && !Vocabulary.Direction.TryParse(item[(colon + 1)..], out direction)) || name.Length == 0)
                    errors.Add(BadOption(Fields.TransferFilter, item, "TABLE:" + Vocabulary.Direction.All));
                else
                    tables.Add(TableTransfer.Of(name, direction));
            }
            return r with { FilterEnabled = true, Tables = tables };
        }
    }

    private sealed record ProfileOptions(
        Option<string?>? Code, Option<string?> Description, Option<string?> Host, Option<string?> Port, Option<string?> Timeout,
        Option<string?> Retries, Option<string?> Compression, Option<string?> Encryption, Option<string?> Internet,
        Option<string?> ExternalHost, Option<string?> ExternalPort, Option<string[]?> Filter, Option<bool> PasswordStdin)
    {
        public static ProfileOptions Create(Strings s, bool includeCode)
        {
            Option<string?> O(string name, TextKey key, string help, bool required = false) =>
                new(name) { Description = s[key], HelpName = help, Required = required };
            return new ProfileOptions(
                includeCode ? O("--code", TextKey.Cli_OptCode, "N", required: true) : null,
                O("--description", TextKey.Cli_OptDescription, "D", includeCode),
                O("--host", TextKey.Cli_OptHost, "H", includeCode),
                O("--port", TextKey.Cli_OptPort, "P", includeCode),
                O("--timeout", TextKey.Cli_OptTimeout, "S"),
                O("--retries", TextKey.Cli_OptRetries, "R"),
                O("--compression", TextKey.Cli_OptCompression, "L"),
                O("--encryption", TextKey.Cli_OptEncryption, $"{Vocabulary.On}|{Vocabulary.Off}"),
                O("--internet", TextKey.Cli_OptInternet, Vocabulary.InternetAccess.All),
                O("--external-host", TextKey.Cli_OptExternalHost, "H"),
                O("--external-port", TextKey.Cli_OptExternalPort, "P"),
                new Option<string[]?>("--filter") { Description = s[TextKey.Cli_OptFilter], HelpName = "TABLE:" + Vocabulary.Direction.All },
                new Option<bool>("--password-stdin") { Description = s[TextKey.Cli_OptPasswordStdin] });
        }

        public void AddTo(Command c)
        {
            if (Code is not null) c.Add(Code);
            foreach (Option o in new Option[] { Description, Host, Port, Timeout, Retries, Compression, Encryption, Internet, ExternalHost, ExternalPort, Filter, PasswordStdin })
                c.Add(o);
        }

        public ProfileArgs Read(ParseResult p) => new(
            Code is null ? null : p.GetValue(Code), p.GetValue(Description), p.GetValue(Host), p.GetValue(Port), p.GetValue(Timeout),
            p.GetValue(Retries), p.GetValue(Compression), p.GetValue(Encryption), p.GetValue(Internet), p.GetValue(ExternalHost),
            p.GetValue(ExternalPort), p.GetValue(Filter));
    }
}
