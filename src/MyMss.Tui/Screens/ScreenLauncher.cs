using MyMss.Core.Ports;
using MyMss.Core.Services;
using MyMss.Tui.Cli;
using MyMss.Tui.Configuration;
using MyMss.Tui.Output;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens.Keys;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;

namespace MyMss.Tui.Screens;

/// <summary>Opens the screen. Configuration and database problems are reported as one line before the terminal is taken over.</summary>
public static class ScreenLauncher
{
    public static int Run(IAppHost host, string? db, string? lang, ScreenOptions options)
    {
        StartupProfile.Start("screen");
        AppConfig config;
        SyncConfiguration service;
        Task<SyncOverview> reading;
        Strings strings = new(lang ?? "pt");
        try
        {
            (config, service) = host.Compose(db, lang);
            strings = new Strings(config.Language);
            // Terminal.Gui starts while the database is read (on another core: the first frame comes sooner).
            reading = Task.Run(service.Overview);
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine("mymss: " + e.Message);
            return ExitCodes.StorageOrConfig;
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine("mymss: " + strings.Describe(e));
            return ExitCodes.StorageOrConfig;
        }

        string? failure = null;
        using (IApplication app = CreateApplication(databasePath: config.DatabasePath))
        {
            try
            {
                SyncOverview overview = reading.GetAwaiter().GetResult();
                failure = RunScreen(app, service, strings, overview, options, config);
            }
            catch (StoreException e)
            {
                failure = strings.Describe(e); // said once the terminal is given back: one plain line
            }
        }
        if (failure is null)
            return ExitCodes.Ok;
        Console.Error.WriteLine("mymss: " + failure);
        return ExitCodes.StorageOrConfig;
    }

    private static string? RunScreen(IApplication app, SyncConfiguration service, Strings strings, SyncOverview overview, ScreenOptions options, AppConfig config)
    {
        // Process-wide Terminal.Gui settings: before the first view is made (views read glyphs when built).
        bool monochrome = TerminalProfile.WantsMonochrome(options.NoColor);
        TerminalProfile.Apply(monochrome, TerminalProfile.WantsAscii(options.Ascii));
        if (monochrome)
            TerminalProfile.HighlightFocusedTextFields(app);
        using var screen = new MainScreen(service, strings, overview);
        screen.InstallKeys(app);
        string? failure = null;
        app.Run(screen, e =>
        {
            // Nothing may reach the terminal as a stack trace: log it, leave the screen, say one line.
            failure = e is StoreException se ? strings.Describe(se) : strings.Format(TextKey.Cli_Unexpected, e.GetType().Name, ErrorLog.Write(e, config.DatabasePath));
            app.RequestStop();
            return true;
        });
        return failure;
    }

    /// <summary>Terminal.Gui's ANSI driver drawing through <see cref="FrugalOutput"/>, ready for views; Ctrl+L repaints.</summary>
    public static IApplication CreateApplication(ITimeProvider? time = null, string? databasePath = null)
    {
        var mirror = new ScreenMirror(xtermErase: TerminalProfile.HasXtermErase());
        IApplication app = FrugalApplication.Create(mirror, time, fallback: e => ErrorLog.Write(e, databasePath))
            .Init(DriverRegistry.Names.ANSI);
        CommonKeys.Install(app, new Strings("pt")); // on every screen, dialogs and message boxes included; no mnemonics among them
        return app;
    }
}
