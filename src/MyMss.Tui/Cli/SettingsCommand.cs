using System.CommandLine;
using System.Globalization;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Hosting;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>`mymss settings show|set`: the sync frequency and the default and alternative profiles.</summary>
public sealed class SettingsCommand
{
    private readonly CliContext _ctx;
    private readonly Strings _s;
    private readonly Option<bool> _json;
    private readonly FieldOption<string?> _frequency, _default, _alternative;

    private SettingsCommand(CliContext ctx)
    {
        _ctx = ctx;
        _s = ctx.Strings;
        _json = CommonOptions.Json(_s);
        _frequency = new("--frequency", Fields.FrequencyHours) { Description = _s[TextKey.Cli_OptFrequency], HelpName = "H" };
        _default = new("--default", Fields.DefaultProfile) { Description = _s[TextKey.Cli_OptDefault], HelpName = _s[TextKey.Cli_MetaCode] };
        _alternative = new("--alternative", Fields.AlternativeProfile) { Description = _s[TextKey.Cli_OptAlternative], HelpName = _s[TextKey.Cli_MetaCode] + "|none" };
        _default.CompletionSources.Add(_ => ctx.ProfileCodes());
        _alternative.CompletionSources.Add(_ => ctx.ProfileCodes().Append("none"));
    }

    public static Command Create(CliContext ctx) => new SettingsCommand(ctx).Build();

    private Command Build()
    {
        var show = new Command("show", _s[TextKey.Cli_SettingsShow]) { _json };
        show.SetAction(p => _ctx.Run(c => _ctx.NoDatabase(c) && !p.GetValue(_json) ? ExitCodes.Ok : Show(c.Service, p.GetValue(_json))));
        var set = new Command("set", _s[TextKey.Cli_SettingsSet]) { _frequency, _default, _alternative, _json };
        set.SetAction(p => _ctx.Run(c => Set(p, c.Service)));
        return new Command("settings", _s[TextKey.Cli_Settings]) { show, set };
    }

    private int Show(SyncConfiguration service, bool json)
    {
        SyncSnapshot snap = service.Load();
        if (json)
        {
            _ctx.Out.WriteLine(JsonOutput.Write(w => JsonOutput.Settings(w, snap.Settings)));
            return ExitCodes.Ok;
        }
        TextOutput.Aligned(_ctx.Out, [
            (_s.FieldLabel(Fields.FrequencyHours), snap.Settings.FrequencyHours.ToString(CultureInfo.InvariantCulture)),
            (_s.FieldLabel(Fields.DefaultProfile), ProfileName(snap, snap.Settings.DefaultProfile)),
            (_s.FieldLabel(Fields.AlternativeProfile), ProfileName(snap, snap.Settings.AlternativeProfile)),
        ]);
        return ExitCodes.Ok;
    }

    private int Set(ParseResult p, SyncConfiguration service)
    {
        string? frequency = p.GetValue(_frequency), defaultCode = p.GetValue(_default), alternativeCode = p.GetValue(_alternative);
        bool json = p.GetValue(_json);
        if (frequency is null && defaultCode is null && alternativeCode is null)
        {
            _ctx.Fail(_s[TextKey.Cli_NothingToChange]);
            return ExitCodes.Usage;
        }
        SyncSnapshot snap = service.Load();
        var errors = new List<FieldError>();
        int? def = defaultCode is null ? snap.Settings.DefaultProfile : Code(_default, defaultCode, allowNone: false, errors);
        int? alt = alternativeCode is null ? snap.Settings.AlternativeProfile : Code(_alternative, alternativeCode, allowNone: true, errors);
        if (errors.Count > 0)
            return _ctx.Refused(p, OutcomeStatus.Invalid, errors, json);
        var input = new SettingsInput(frequency ?? snap.Settings.FrequencyHours.ToString(CultureInfo.InvariantCulture), def, alt, snap.Settings.Version);
        return _ctx.Done(p, service.SaveSettings(input), json, JsonOutput.Settings, _ => _ctx.Out.WriteLine(_s[TextKey.Cli_SettingsSaved]));
    }

    /// <summary>A profile code given to --default or --alternative ("none" too for the alternative).</summary>
    private static int? Code(FieldOption<string?> option, string text, bool allowNone, List<FieldError> errors)
    {
        if (allowNone && text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
            return null;
        int? code = FieldRules.Integer(text, option.Fields[0], ProfileRules.MinCode, ProfileRules.MaxCode, []);
        if (code is null)
            errors.Add(option.Bad(text));
        return code;
    }

    private string ProfileName(SyncSnapshot snap, int? code) =>
        code is int c ? $"{c} · {snap.Find(c)?.Description ?? "?"}" : _s[TextKey.Common_None];
}
