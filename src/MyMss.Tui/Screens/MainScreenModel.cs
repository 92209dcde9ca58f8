using System.Globalization;
using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;

namespace MyMss.Tui.Screens;

/// <summary>
/// What the main screen shows and edits, apart from any widget: the saved data, the settings as
/// being edited, and whether they differ. Every rule is the service's; this only keeps the state.
/// </summary>
public sealed class MainScreenModel(SyncConfiguration service)
{
    public SyncConfiguration Service => service;
    public SyncOverview Saved { get; private set; } = new(new SyncSettings(service.Options.DefaultFrequencyHours, null, null), []);
    public string FrequencyText { get; set; } = "";
    public int? DefaultCode { get; set; }
    public int? AlternativeCode { get; set; }

    /// <summary>The default or the alternative on screen differs from the saved one.</summary>
    public bool ChoicesUnsaved => DefaultCode != Saved.Settings.DefaultProfile || AlternativeCode != Saved.Settings.AlternativeProfile;

    private bool _loaded;

    public IReadOnlyList<ProfileSummary> Profiles => Saved.Profiles;

    public bool IsDirty =>
        FrequencyText.Trim() != Saved.Settings.FrequencyHours.ToString(CultureInfo.InvariantCulture)
        || DefaultCode != Saved.Settings.DefaultProfile
        || AlternativeCode != Saved.Settings.AlternativeProfile;

    /// <summary>Reads the database again. Unsaved edits of the settings are kept, unless they name a profile that no longer exists.</summary>
    /// <param name="loaded">An overview just read, to avoid reading the database twice.</param>
    public void Reload(SyncOverview? loaded = null)
    {
        bool keepEdits = _loaded && IsDirty;
        _loaded = true;
        SyncSettings previous = Saved.Settings;
        Saved = loaded ?? service.Overview();
        SyncSettings now = Saved.Settings;
        if (!keepEdits)
        {
            Adopt(now);
            return;
        }
        // Edits stay; choices that nobody made here follow the database (e.g. the first profile became the default).
        if (DefaultCode == previous.DefaultProfile || !Exists(DefaultCode))
            DefaultCode = now.DefaultProfile;
        if (AlternativeCode == previous.AlternativeProfile || !Exists(AlternativeCode))
            AlternativeCode = now.AlternativeProfile;
    }

    private bool Exists(int? code) => code is null || Saved.Find(code.Value) is not null;

    public Outcome<SyncSettings> Save()
    {
        Outcome<SyncSettings> outcome = service.SaveSettings(new SettingsInput(FrequencyText, DefaultCode, AlternativeCode, Saved.Settings.Version));
        if (outcome.IsOk)
        {
            Saved = service.Overview();
            Adopt(Saved.Settings);
        }
        return outcome;
    }

    private void Adopt(SyncSettings s)
    {
        FrequencyText = s.FrequencyHours.ToString(CultureInfo.InvariantCulture);
        DefaultCode = s.DefaultProfile;
        AlternativeCode = s.AlternativeProfile;
    }
}
