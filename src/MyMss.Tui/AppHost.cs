using MyMss.Core.Security;
using MyMss.Core.Services;
using MyMss.Storage;
using MyMss.Tui.Cli;
using MyMss.Tui.Configuration;

namespace MyMss.Tui;

/// <summary>The composition root: configuration → store → service, and the choice between screen and command line.</summary>
public sealed class AppHost : IAppHost
{
    private readonly Dictionary<(string?, string?), (AppConfig, SyncConfiguration)> _composed = [];

    public (AppConfig Config, SyncConfiguration Service) Compose(string? db, string? lang)
    {
        if (_composed.TryGetValue((db, lang), out var done))
            return done;
        AppConfig config = AppConfigLoader.Load(db, lang);
        var service = new SyncConfiguration(new LiteDbSyncStore(config.DatabasePath), new Pbkdf2PasswordHasher(), config.SyncOptions);
        return _composed[(db, lang)] = (config, service);
    }

    public int RunScreen(string? db, string? lang, ScreenOptions options) => Screens.ScreenLauncher.Run(this, db, lang, options);
}
