using MyMss.Core.Ports;
using MyMss.Core.Services;
using MyMss.Tui.Configuration;
using MyMss.Tui.Drafts;
using MyMss.Tui.Hosting;
using MyMss.Tui.Output;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens.Keys;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;

namespace MyMss.Tui.Screens;

/// <summary>Opens the screen over a composed run. A database that cannot be read is reported as one line once the terminal is given back.</summary>
public static class ScreenLauncher
{
    /// <summary>How long a screen that fails before its first frame waits for the terminal's answers (an SSH round trip).</summary>
    private static readonly TimeSpan TerminalAnswers = TimeSpan.FromMilliseconds(250);

    public static int Run(Composition composed, ScreenOptions options)
    {
        var (config, service) = composed;
        Strings strings = new(config.Language);
        if (!ConsoleTerminal.CanShowScreen)
        {
            Console.Error.WriteLine("mymss: " + strings[TextKey.Cli_ScreenNeedsTerminal]);
            return ExitCodes.Usage; // before the database is touched
        }
        TerminalTraits traits = TerminalTraits.Decide(
            TerminalFacts.FromEnvironment(OperatingSystem.IsWindows() ? WindowsConsoleProbe.Ask() : null), options.NoColor, options.Ascii);
        if (!traits.CanShow)
        {
            Console.Error.WriteLine("mymss: " + strings[TextKey.Cli_ScreenNeedsVirtualTerminal]);
            return ExitCodes.Usage; // a legacy console would show the screen's sequences as text
        }
        StartupProfile.Start("screen");
        // Terminal.Gui starts while the database is read (on another core: the first frame comes sooner).
        Task<SyncOverview> reading = Task.Run(service.Overview);

        string? failure = null;
        using var sleep = new IdleSleep();
        using var signals = new TerminationSignals(sleep.Wake);
        using (IApplication app = CreateApplication(databasePath: config.DatabasePath, sleep: sleep, signals: signals, traits: traits))
        {
            StopOnSignal(app, signals);
            StartupProfile.StopAtFirstFrame(app);
            try
            {
                SyncOverview overview = reading.GetAwaiter().GetResult();
                failure = RunScreen(app, service, strings, overview, traits, config, signals);
            }
            catch (StoreException e)
            {
                failure = strings.Describe(e); // said once the terminal is given back: one plain line
                // Terminal.Gui asked the terminal about itself at start (cursor position, device attributes); answers
                // that arrive after the terminal is given back are echoed onto the shell's line ("^[[1;1R^[[?1;2c")
                // before the message. A moment for them to be read, unechoed, while the screen still holds the terminal.
                Thread.Sleep(TerminalAnswers);
            }
        }
        // The terminal has been given back (Terminal.Gui's shutdown, as after Ctrl+Q).
        if (signals.ExitCode is int signalled)
            return signalled;
        if (failure is null)
            return ExitCodes.Ok;
        Console.Error.WriteLine("mymss: " + failure);
        return ExitCodes.StorageOrConfig;
    }

    private static string? RunScreen(IApplication app, SyncConfiguration service, Strings strings, SyncOverview overview, TerminalTraits traits, AppConfig config, TerminationSignals signals)
    {
        // Process-wide Terminal.Gui settings: before the first view is made (views read glyphs when built).
        TerminalProfile.Apply(traits.Monochrome, traits.Ascii, traits.Depth);
        if (traits.Monochrome)
            TerminalProfile.HighlightFocusedTextFields(app);
        using var screen = new MainScreen(service, strings, overview);
        screen.InstallKeys(app);
        string? failure = null;
        // What the editor holds unsaved survives the session: kept unless it is left or saved (not when stopped by a signal or a failure).
        var drafts = new DraftKeeper(new DraftStore(config.DatabasePath, DraftStore.CurrentUser), service, strings, () => signals.Number is not null || failure is not null);
        drafts.Install(app);
        drafts.OfferLater(app, screen);
        app.Run(screen, e =>
        {
            // Nothing may reach the terminal as a stack trace: log it, leave the screen, say one line.
            failure = e is StoreException se ? strings.Describe(se) : strings.Format(TextKey.Cli_Unexpected, e.GetType().Name, ErrorLog.Write(e, config.DatabasePath));
            app.RequestStop();
            return true;
        });
        return failure;
    }

    /// <summary>
    /// After a termination signal, every screen and dialog is stopped, innermost first, at the start of the loop's next
    /// iteration — between two keys' work, so that a change being saved is saved whole (or was not begun).
    /// </summary>
    private static void StopOnSignal(IApplication app, TerminationSignals signals) => app.Iteration += (_, _) =>
    {
        if (signals.Number is not null && app.TopRunnable is IRunnable top)
            app.RequestStop(top);
    };

    /// <summary>Terminal.Gui's ANSI driver drawing through <see cref="FrugalOutput"/>, ready for views; Ctrl+L repaints.</summary>
    /// <param name="sleep">Puts the main loop to sleep while nothing happens (the real program; tests drive the loop themselves).</param>
    /// <param name="signals">Told when the terminal hangs up (with <paramref name="sleep"/>: the program's own input).</param>
    /// <param name="traits">The terminal's; by default, those of this process's environment (tests).</param>
    public static IApplication CreateApplication(ITimeProvider? time = null, string? databasePath = null, IdleSleep? sleep = null, TerminationSignals? signals = null, TerminalTraits? traits = null)
    {
        traits ??= TerminalTraits.Decide(TerminalFacts.FromEnvironment());
        var mirror = new ScreenMirror(traits.Depth, xtermErase: traits.XtermErase);
        IApplication app = FrugalApplication.Create(mirror, time, fallback: e => ErrorLog.Write(e, databasePath), received: sleep is null ? null : sleep.Wake,
            terminalGone: signals is null ? null : signals.TerminalGone)
            .Init(DriverRegistry.Names.ANSI);
        sleep?.Install(app);
        CommonKeys.Install(app, new Strings("pt")); // on every screen, dialogs and message boxes included; no mnemonics among them
        return app;
    }
}
