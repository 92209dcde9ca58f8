using MyMss.Core.Security;
using MyMss.Core.Services;
using MyMss.Storage;
using MyMss.Tui.Cli;
using MyMss.Tui.Configuration;
using MyMss.Tui.Hosting;
using MyMss.Tui.Screens;

namespace MyMss.Tui;

/// <summary>
/// The composition root: configuration → store → service, once per run, and the screen when no command is given.
/// The only type that knows both front ends: the command line and the screen know <see cref="Hosting"/>, not each other.
/// </summary>
public sealed class AppHost : IAppHost
{
    /// <summary>The database of the last composition: where the details of an unexpected failure go (<see cref="ErrorLog"/>).</summary>
    public string? DatabasePath { get; private set; }

    public Composition Compose(string? db, string? lang, string? configFile)
    {
        AppConfig config = AppConfigLoader.Load(db, lang, configFile);
        DatabasePath = config.DatabasePath;
        WindowsAccess.ShareWith(config.DatabaseGroup); // the database's files are created with the group's entry (Windows)
        // The store touches nothing until it is first read: a bad database is reported by the command that reads it.
        var service = new SyncConfiguration(new LiteDbSyncStore(config.DatabasePath), new Pbkdf2PasswordHasher(), config.SyncOptions);
        return new Composition(config, service);
    }

    public int RunScreen(Composition composed, ScreenOptions options) => ScreenLauncher.Run(composed, options);
}
