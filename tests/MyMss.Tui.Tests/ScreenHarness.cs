using System.Runtime.CompilerServices;
using MyMss.Core.Domain;
using MyMss.Core.Security;
using MyMss.Core.Services;
using MyMss.Storage;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using Terminal.Gui.ViewBase;

namespace MyMss.Tui.Tests;

/// <summary>Tests that draw the screen in this process share Terminal.Gui's process-wide settings: one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ScreenCollection
{
    public const string Name = "screen";
}

internal static class HeadlessSetup
{
    [ModuleInitializer]
    internal static void Init()
    {
        // Never paint over the terminal that runs the tests; run nested loops fast.
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
        Application.MaximumIterationsPerSecond = 1000;
    }
}

/// <summary>
/// The real main screen on the headless ANSI driver at 80x24, over a real LiteDB file.
/// Modal dialogs are driven step by step from the application's iteration event.
/// </summary>
public sealed class ScreenHarness : IDisposable
{
    public const int MssPort = 9000;
    private readonly TempFolder _tmp = new();
    private readonly SessionToken? _token;

    private readonly bool _styled;

    /// <param name="monochrome">and <paramref name="ascii"/>: the process-wide look the program chooses for some
    /// terminals (TerminalProfile); tests that use them belong to <see cref="ScreenCollection"/>.</param>
    public ScreenHarness(string language = "pt", Action<SyncConfiguration>? seed = null, bool monochrome = false, bool ascii = false)
    {
        Strings = new Strings(language);
        DatabasePath = _tmp.File("mymss.db");
        Service = new SyncConfiguration(new LiteDbSyncStore(DatabasePath), new Pbkdf2PasswordHasher(),
            new SyncOptions(MssPort, 24, SyncOptions.DefaultTables));
        seed?.Invoke(Service);
        App = ScreenLauncher.CreateApplication(Time); // as the program does
        App.Driver!.SetScreenSize(80, 24);
        if (monochrome || ascii)
        {
            _styled = true;
            TerminalProfile.Apply(monochrome, ascii);
            if (monochrome)
                TerminalProfile.HighlightFocusedTextFields(App);
        }
        Screen = new MainScreen(Service, Strings);
        Screen.InstallKeys(App);
        _token = App.Begin(Screen);
    }

    /// <summary>The password of every seeded profile: it must never show.</summary>
    public const string Secret = "Screen-secret-41";

    /// <summary>Saves profiles through the service (loopback host, port 9000 + code), for tests about what comes after.</summary>
    public static void Seed(SyncConfiguration s, params (int Code, string Description)[] profiles)
    {
        foreach (var (code, description) in profiles)
            Assert.True(s.CreateProfile(s.NewProfileInput([]) with
            {
                Code = code.ToString(), Description = description, Host = "127.0.0.1", Port = (9000 + code).ToString(),
                Password = Secret, PasswordConfirmation = Secret,
            }).IsOk);
    }

    /// <summary>The application's clock: it moves only when a test advances it (e.g. past the 50 ms that tell Alt+letter from Esc).</summary>
    public VirtualTimeProvider Time { get; } = new();

    public string DatabasePath { get; }
    public IApplication App { get; }
    public MainScreen Screen { get; }
    public SyncConfiguration Service { get; }
    public Strings Strings { get; }

    public void Keys(params Key[] keys)
    {
        foreach (Key k in keys)
            App.InjectKey(k);
        App.LayoutAndDraw();
    }

    public void Type(string text)
    {
        foreach (char c in text)
            App.InjectKey((Key)c);
    }

    public string Text()
    {
        App.LayoutAndDraw();
        return App.Driver!.ToString()!;
    }

    /// <summary>The screen as one line of words: borders dropped, wrapped lines joined, so wrapped messages can be matched.</summary>
    public string Flat() =>
        System.Text.RegularExpressions.Regex.Replace(Text().Replace('│', ' ').Replace('┃', ' ').Replace('║', ' '), @"\s+", " ");

    /// <summary>The view that has the cursor (the deepest focused view of the top runnable).</summary>
    public View? Focused => ((View?)App.TopRunnable)?.MostFocused;

    /// <summary>
    /// Runs <paramref name="trigger"/> (which opens modals); each step runs once, on an iteration where the
    /// top runnable is exactly its type. A modal still open after the steps is closed, and the test fails.
    /// </summary>
    public void Drive(Action trigger, params Step[] steps)
    {
        int next = 0;
        var idle = System.Diagnostics.Stopwatch.StartNew();
        string? stuck = null;
        void OnIteration(object? sender, EventArgs<IApplication?> e)
        {
            IRunnable? top = App.TopRunnable;
            if (top is null || ReferenceEquals(top, Screen))
                return;
            if (next < steps.Length && top.GetType() == steps[next].Type && steps[next].Ready((View)top))
            {
                Step step = steps[next++];
                step.Act((View)top);
                idle.Restart();
                return;
            }
            // A step may wait for real time (a connection test on a busy machine): counted in seconds, not in iterations,
            // which nested loops may run much faster than the application's limit.
            if (idle.Elapsed > TimeSpan.FromSeconds(30))
            {
                stuck ??= $"{top.GetType().Name} still open after step {next} of {steps.Length}";
                App.RequestStop(top);
            }
        }
        App.Iteration += OnIteration;
        try
        {
            trigger();
        }
        finally
        {
            App.Iteration -= OnIteration;
        }
        App.LayoutAndDraw();
        Assert.Null(stuck);
        Assert.Equal(steps.Length, next);
    }

    public void Dispose()
    {
        if (_token is not null)
            App.End(_token);
        Screen.Dispose();
        App.Dispose();
        if (_styled)
            TerminalProfile.Reset();
        _tmp.Dispose();
    }
}

public sealed record Step(Type Type, Action<View> Act, Func<View, bool> Ready)
{
    public static Step On<T>(Action<T> act) where T : View => new(typeof(T), v => act((T)v), _ => true);

    /// <summary>Runs once the dialog is ready, e.g. when a background task has finished.</summary>
    public static Step When<T>(Func<T, bool> ready, Action<T> act) where T : View => new(typeof(T), v => act((T)v), v => ready((T)v));
}
