using System.CommandLine;
using System.Globalization;
using MyMss.Core.Domain;
using MyMss.Core.Network;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Hosting;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>`mymss profiles list|show|add|edit|delete|test`.</summary>
public sealed class ProfilesCommand
{
    private readonly CliContext _ctx;
    private readonly Strings _s;
    private readonly Option<bool> _json;
    private readonly Argument<int> _code;
    private readonly ProfileOptions _add, _edit;

    private ProfilesCommand(CliContext ctx)
    {
        _ctx = ctx;
        _s = ctx.Strings;
        _json = CommonOptions.Json(_s);
        _code = new Argument<int>(_s[TextKey.Cli_MetaCode]) { Description = _s[TextKey.Cli_ArgCode] };
        _code.CompletionSources.Add(_ => ctx.ProfileCodes());
        IReadOnlyList<string> tables = ctx.Composed?.Config.Tables ?? SyncOptions.DefaultTables;
        _add = ProfileOptions.ForAdd(_s, tables);
        _edit = ProfileOptions.ForEdit(_s, tables);
    }

    public static Command Create(CliContext ctx) => new ProfilesCommand(ctx).Build();

    private Command Build()
    {
        var list = new Command("list", _s[TextKey.Cli_ProfilesList]) { _json };
        list.SetAction(p => _ctx.Run(c => _ctx.NoDatabase(c) && !p.GetValue(_json) ? ExitCodes.Ok : List(c.Service, p.GetValue(_json))));
        var show = new Command("show", _s[TextKey.Cli_ProfilesShow]) { _code, _json };
        show.SetAction(p => _ctx.Run(c => WithProfile(p, c.Service, profile => Show(profile, p.GetValue(_json)))));
        var add = new Command("add", _s[TextKey.Cli_ProfilesAdd]);
        _add.AddTo(add);
        add.Add(_json);
        add.SetAction(p => _ctx.Run(c => Add(p, c.Service)));
        var edit = new Command("edit", _s[TextKey.Cli_ProfilesEdit]) { _code };
        _edit.AddTo(edit);
        edit.Add(_json);
        edit.SetAction(p => _ctx.Run(c => WithProfile(p, c.Service, profile => Edit(p, c.Service, profile))));
        var delete = new Command("delete", _s[TextKey.Cli_ProfilesDelete]) { _code, _json };
        delete.SetAction(p => _ctx.Run(c => Delete(p, c.Service)));
        var test = new Command("test", _s[TextKey.Cli_ProfilesTest]) { _code, _json };
        test.SetAction(p => _ctx.Run(c => WithProfile(p, c.Service, profile => Test(profile, p.GetValue(_json)))));
        return new Command("profiles", _s[TextKey.Cli_Profiles]) { list, show, add, edit, delete, test };
    }

    private int List(SyncConfiguration service, bool json)
    {
        SyncSnapshot snap = service.Load();
        if (json)
        {
            _ctx.Out.WriteLine(JsonOutput.Array(snap.Profiles, JsonOutput.Profile));
            return ExitCodes.Ok;
        }
        if (snap.Profiles.Count == 0)
        {
            _ctx.Out.WriteLine(_s[TextKey.Cli_NoProfiles]);
            return ExitCodes.Ok;
        }
        string[] headers = [_s.FieldLabel(Fields.Code), _s.FieldLabel(Fields.Description), _s.FieldLabel(Fields.Host),
            _s.FieldLabel(Fields.Port), _s.FieldLabel(Fields.InternetAccess)];
        var rows = snap.Profiles.Select(p => new[]
        {
            p.Code.ToString(CultureInfo.InvariantCulture), p.Description, p.Host, p.Port.ToString(CultureInfo.InvariantCulture),
            _s.AccessLabel(p.InternetAccess) + (p.ExternalHost is null ? "" : $" → {p.ExternalHost}:{p.ExternalPort}"),
        }).ToList();
        TextOutput.Table(_ctx.Out, headers, rows, rightAligned: [true, false, false, true, false]);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Runs <paramref name="command"/> on the profile CODE names, read alone; a code that does not exist is exit 3, and so
    /// is any code when there is no database yet (said in one line naming it; --json still gives the not-found document).
    /// </summary>
    private int WithProfile(ParseResult parsed, SyncConfiguration service, Func<SyncProfile, int> command)
    {
        int code = parsed.GetValue(_code);
        if (service.Profile(code) is SyncProfile profile)
            return command(profile);
        FieldError notFound = new(Fields.Code, MessageKeys.ProfileNotFound, code);
        if (service.DatabaseExists)
            return _ctx.Refused(parsed, OutcomeStatus.NotFound, [notFound], parsed.GetValue(_json));
        if (parsed.GetValue(_json))
            _ctx.Out.WriteLine(JsonOutput.Write(w => JsonOutput.Errors(w, "notfound", [notFound], _s)));
        _ctx.Fail(_s.Format(TextKey.Cli_NoDatabase, service.DatabasePath));
        return ExitCodes.NotFoundOrConflict;
    }

    private int Show(SyncProfile p, bool json)
    {
        if (json)
        {
            _ctx.Out.WriteLine(JsonOutput.Write(w => JsonOutput.Profile(w, p)));
            return ExitCodes.Ok;
        }
        string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
        var lines = new List<(string, string)>
        {
            (_s.FieldLabel(Fields.Code), Number(p.Code)),
            (_s.FieldLabel(Fields.Description), p.Description),
            (_s.FieldLabel(Fields.Host), p.Host),
            (_s.FieldLabel(Fields.Port), Number(p.Port)),
            (_s.FieldLabel(Fields.TimeoutSeconds), Number(p.TimeoutSeconds)),
            (_s.FieldLabel(Fields.Retries), Number(p.Retries)),
            (_s.FieldLabel(Fields.Compression), Number(p.Compression)),
            (_s.FieldLabel(Fields.Encryption), _s[p.Encryption ? TextKey.Common_Yes : TextKey.Common_No]),
            (_s.FieldLabel(Fields.InternetAccess), _s.AccessLabel(p.InternetAccess)),
            (_s.FieldLabel(Fields.ExternalHost), p.ExternalHost ?? "—"),
            (_s.FieldLabel(Fields.ExternalPort), p.ExternalPort is int port ? Number(port) : "—"),
            (_s.FieldLabel(Fields.TransferFilter), _s[p.TransferFilter.Enabled ? TextKey.Filter_On : TextKey.Filter_Off]),
        };
        if (p.TransferFilter.Enabled)
            foreach (TableTransfer t in p.TransferFilter.Tables.Where(t => t.Send || t.Receive))
                lines.Add(("  " + t.Name, string.Join(" + ", new[] { t.Send ? _s[TextKey.Common_Send] : null, t.Receive ? _s[TextKey.Common_Receive] : null }.OfType<string>())));
        TextOutput.Aligned(_ctx.Out, lines);
        return ExitCodes.Ok;
    }

    private int Add(ParseResult parsed, SyncConfiguration service)
    {
        bool json = parsed.GetValue(_json);
        SyncSnapshot snap = service.Load();
        var errors = new List<FieldError>();
        ProfileInput input = _add.ApplyTo(parsed, service.NewProfileInput(snap.Profiles.Select(p => p.Code)) with { Code = "" }, errors);
        if (!ReadPassword(parsed.GetValue(_add.PasswordStdin), ref input, errors) || errors.Count > 0)
            return _ctx.Refused(parsed, OutcomeStatus.Invalid, errors, json);
        return Saved(parsed, service.CreateProfile(input), TextKey.Cli_ProfileCreated, json);
    }

    private int Edit(ParseResult parsed, SyncConfiguration service, SyncProfile current)
    {
        bool json = parsed.GetValue(_json);
        var errors = new List<FieldError>();
        ProfileInput input = _edit.ApplyTo(parsed, service.EditInput(current), errors);
        if (parsed.GetValue(_edit.PasswordStdin))
            input = input with { Password = PasswordReader.FromStdin(_ctx.In), PasswordConfirmation = null };
        if (errors.Count > 0)
            return _ctx.Refused(parsed, OutcomeStatus.Invalid, errors, json);
        return Saved(parsed, service.UpdateProfile(current.Code, input), TextKey.Cli_ProfileUpdated, json);
    }

    private int Delete(ParseResult parsed, SyncConfiguration service)
    {
        int code = parsed.GetValue(_code);
        bool json = parsed.GetValue(_json);
        return _ctx.Done(parsed, service.DeleteProfile(code), json, JsonOutput.Profile,
            _ => _ctx.Out.WriteLine(_s.Format(TextKey.Cli_ProfileDeleted, code)));
    }

    /// <summary>A TCP connection to each endpoint of the saved profile, each printed as soon as it is known (a test can take timeout × attempts).</summary>
    private int Test(SyncProfile profile, bool json)
    {
        var reports = new ConnectionTester().TestAsync(profile.Connection, new Reporter<EndpointReport>(r =>
        {
            if (!json)
                _ctx.Out.WriteLine(RouteText.Probe(_s, r));
        })).GetAwaiter().GetResult();
        if (json)
            _ctx.Out.WriteLine(JsonOutput.Array(reports, JsonOutput.Probe));
        return reports.All(r => r.Reachable) ? ExitCodes.Ok : ExitCodes.Refused;
    }

    /// <summary>The password of a new profile: from stdin, or asked twice without echo when stdin is a terminal.</summary>
    private bool ReadPassword(bool fromStdin, ref ProfileInput input, List<FieldError> errors)
    {
        if (fromStdin)
        {
            input = input with { Password = PasswordReader.FromStdin(_ctx.In), PasswordConfirmation = null };
            return true;
        }
        if (!_ctx.CanPrompt)
        {
            errors.Add(new FieldError(Fields.Password, nameof(TextKey.Cli_PasswordNeedsStdin)));
            return false;
        }
        string password = PasswordReader.Prompt(_s[TextKey.Cli_PasswordPrompt], _ctx.Error);
        string confirmation = PasswordReader.Prompt(_s[TextKey.Cli_PasswordConfirmPrompt], _ctx.Error);
        input = input with { Password = password, PasswordConfirmation = confirmation };
        return true;
    }

    private int Saved(ParseResult parsed, Outcome<ProfileSaved> outcome, TextKey message, bool json)
    {
        int exit = _ctx.Done(parsed, outcome, json, (w, saved) => JsonOutput.Profile(w, saved.Profile), saved =>
        {
            _ctx.Out.WriteLine(_s.Format(message, saved.Profile.Code));
            if (saved.BecameDefault)
                _ctx.Out.WriteLine(_s.Format(TextKey.Cli_ProfileBecameDefault, saved.Profile.Code));
        });
        if (outcome.Value?.LicensingRefreshAdvised == true)
            _ctx.Error.WriteLine(_s[TextKey.Licensing_Reminder]);
        return exit;
    }
}
