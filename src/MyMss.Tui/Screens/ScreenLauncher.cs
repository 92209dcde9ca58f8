using MyMss.Core.Ports;
using MyMss.Core.Services;
using MyMss.Tui.Cli;
using MyMss.Tui.Configuration;
using MyMss.Tui.Output;
using MyMss.Tui.Resources;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;

namespace MyMss.Tui.Screens;

/// <summary>Opens the screen. Configuration and database problems are reported as one line before the terminal is taken over.</summary>
public static class ScreenLauncher
{
    public static int Run(IAppHost host, string? db, string? lang, ScreenOptions options)
    {
        AppConfig config;
        SyncConfiguration service;
        SyncOverview overview;
        Strings strings = new(lang ?? "pt");
        try
        {
            (config, service) = host.Compose(db, lang);
            strings = new Strings(config.Language);
            overview = service.Overview(); // read before the terminal is taken over: a bad file is one plain line
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
        using (IApplication app = CreateApplication())
        {
            // Process-wide Terminal.Gui settings: before the first view is made (views read glyphs when built).
            bool monochrome = TerminalProfile.WantsMonochrome(options.NoColor);
            TerminalProfile.Apply(monochrome, TerminalProfile.WantsAscii(options.Ascii));
            if (monochrome)
                TerminalProfile.HighlightFocusedTextFields(app);
            using var screen = new MainScreen(service, strings, overview);
            screen.InstallKeys(app);
            app.Run(screen, e =>
            {
                // Nothing may reach the terminal as a stack trace: log it, leave the screen, say one line.
                failure = e is StoreException se ? strings.Describe(se) : strings.Format("Cli_Unexpected", e.GetType().Name, ErrorLog.Write(e, config.DatabasePath));
                app.RequestStop();
                return true;
            });
        }
        if (failure is null)
            return ExitCodes.Ok;
        Console.Error.WriteLine("mymss: " + failure);
        return ExitCodes.StorageOrConfig;
    }

    /// <summary>Terminal.Gui's ANSI driver drawing through <see cref="FrugalOutput"/>, ready for views.</summary>
    public static IApplication CreateApplication(ITimeProvider? time = null) =>
        FrugalApplication.Create(new ScreenMirror(eraseColoredLines: TerminalProfile.ErasesWithBackground()), time)
            .Init(DriverRegistry.Names.ANSI);
}
