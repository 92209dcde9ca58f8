using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;

namespace MyMss.Tui.Output;

/// <summary>
/// Terminal.Gui's ANSI output with its drawing replaced by <see cref="ScreenMirror"/>: the terminal gets only what
/// changed, and nothing while the screen stands still. Start-up, teardown and suspend stay Terminal.Gui's own.
/// </summary>
public sealed partial class FrugalOutput : AnsiOutput, IOutput
{
    private readonly ScreenMirror _mirror;
    private readonly StringBuilder _pending = new();

    public FrugalOutput(AppModel appModel, ScreenMirror mirror) : base(appModel)
    {
        _mirror = mirror;
    }

    /// <summary>
    /// One line to show, centred on an otherwise blank screen, instead of what was drawn at this size (columns, rows); null
    /// to show the screen. The screen sets it: below the size its layout needs, it says the size it needs.
    /// </summary>
    public Func<int, int, string?>? Cover { get; set; }

    /// <summary>The look of the covered screen (the screen's normal colours).</summary>
    public Terminal.Gui.Drawing.Attribute CoverAttribute { get; set; } = new(Terminal.Gui.Drawing.Color.None, Terminal.Gui.Drawing.Color.None);

    /// <summary>The last frame was the cover: the terminal shows one line and no cursor.</summary>
    public bool Covered { get; private set; }

    public override void Write(IOutputBuffer buffer)
    {
        _mirror.Force16Colors = Force16Colors;
        Covered = Cover?.Invoke(buffer.Cols, buffer.Rows) is string line && Paint(buffer, line);
        _mirror.Render(buffer, _pending);
        base.Write(buffer); // every cell is clean now: this only keeps Terminal.Gui's record of the last frame
        Flush();
    }

    /// <summary>What was drawn is replaced, in the buffer itself (so that it is what the driver reports), by the line.</summary>
    private bool Paint(IOutputBuffer buffer, string line)
    {
        buffer.ClearContents();
        buffer.CurrentAttribute = CoverAttribute;
        buffer.FillRect(new System.Drawing.Rectangle(0, 0, buffer.Cols, buffer.Rows), ' ');
        if (line.Length > buffer.Cols)
            line = line[..buffer.Cols];
        buffer.Move(Math.Max(0, (buffer.Cols - line.Length) / 2), Math.Max(0, (buffer.Rows - 1) / 2));
        buffer.AddStr(line);
        return true;
    }

    void IOutput.SetCursor(Cursor cursor)
    {
        _mirror.SetCursor(Covered ? new Cursor() : cursor, _pending); // no cursor blinking in a blank screen
        Flush();
    }

    Cursor IOutput.GetCursor() => _mirror.Cursor;

    void IOutput.Write(ReadOnlySpan<char> text)
    {
        // Queries (size, cursor position, device attributes) and titles leave the screen as it is; anything else may not.
        if (!HarmlessSequence().IsMatch(text))
            _mirror.Forget();
        base.Write(text);
    }

    void IOutput.Suspend()
    {
        base.Suspend();
        _mirror.Forget(); // the shell had the terminal meanwhile
    }

    /// <summary>Terminal.Gui is stopping: it disposes the output, then waits for its input thread.</summary>
    public event Action? Disposed;

    void IDisposable.Dispose()
    {
        base.Dispose();
        Disposed?.Invoke();
    }

    /// <summary>Sends every cell again on the next frame (Ctrl+L): for a screen garbled behind the program's back.</summary>
    public void Forget() => _mirror.Forget();

    private void Flush()
    {
        if (_pending.Length == 0)
            return;
        Write(_pending); // one write() per frame
        _pending.Clear();
    }

    [GeneratedRegex(@"^(\u001b\[[0-9;?>=]*[cnt]|\u001b\[\?[0-9;]*u|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\))$")]
    private static partial Regex HarmlessSequence();
}

/// <summary>
/// Terminal.Gui's ANSI driver with <see cref="FrugalOutput"/> as its output and, when <c>received</c> is given,
/// <see cref="QuietInput"/> as its input. The output is made here, not when the driver asks, so that Terminal.Gui
/// sizes it as it does its own (it reads the size before polling starts); the input is made when the driver asks,
/// as Terminal.Gui's own is (it puts the terminal in raw mode).
/// </summary>
public sealed class FrugalComponentFactory : AnsiComponentFactory
{
    private readonly Action? _received;
    private readonly Action? _terminalGone;
    private QuietInput? _input;

    /// <param name="received">Told each time keys have been queued; null: Terminal.Gui's own input.</param>
    /// <param name="terminalGone">Told once if the terminal hangs up (with <paramref name="received"/> only).</param>
    public FrugalComponentFactory(ScreenMirror mirror, Action? received = null, Action? terminalGone = null)
        : this(new FrugalOutput(AppModel.FullScreen, mirror), received, terminalGone)
    {
    }

    private FrugalComponentFactory(FrugalOutput output, Action? received, Action? terminalGone) : base(output: output)
    {
        _received = received;
        _terminalGone = terminalGone;
        output.Disposed += () => _input?.Wake(); // the input thread is waited for next: end its wait
    }

    public override IInput<char> CreateInput() => _received is null ? base.CreateInput() : _input = new QuietInput(_received, _terminalGone);
}

/// <summary>Creates the application on the frugal output.</summary>
public static class FrugalApplication
{
    /// <summary>
    /// Terminal.Gui 2.5.0 takes a component factory only through an internal constructor/field (its driver registry
    /// accepts new names but builds only its own three drivers), so the field is set through an accessor the
    /// compiler checks and NativeAOT keeps. If a later Terminal.Gui lacks it, the stock output is used (it works,
    /// but sends far more), and <paramref name="fallback"/> hears of it once per process.
    /// </summary>
    /// <param name="received">See <see cref="FrugalComponentFactory"/>.</param>
    /// <param name="terminalGone">See <see cref="FrugalComponentFactory"/>.</param>
    public static IApplication Create(ScreenMirror mirror, ITimeProvider? time = null, Action<Exception>? fallback = null, Action? received = null, Action? terminalGone = null)
    {
        IApplication app = Application.Create(time);
        try
        {
            ComponentFactory(app) = new FrugalComponentFactory(mirror, received, terminalGone);
        }
        catch (MissingMemberException e)
        {
            FellBack(new NotSupportedException("this Terminal.Gui has no component-factory field: the screen draws through its stock output, which sends every cell", e), fallback);
        }
        return app;
    }

    private static int _fellBack;

    /// <summary>Tells <paramref name="report"/> that the stock output is used, the first time only.</summary>
    public static void FellBack(Exception e, Action<Exception>? report)
    {
        if (Interlocked.Exchange(ref _fellBack, 1) == 0)
            report?.Invoke(e);
    }

    /// <summary>
    /// Repaints the whole screen from scratch, as ncurses programs do on Ctrl+L: a message written to the terminal
    /// by someone else (wall, a kernel message) stays otherwise, as only changed cells are sent.
    /// </summary>
    public static void Repaint(IApplication app)
    {
        if (app.Driver?.GetOutput() is FrugalOutput output)
            output.Forget();
        app.ClearScreenNextIteration = true;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_componentFactory")]
    private static extern ref IComponentFactory? ComponentFactory(
        [UnsafeAccessorType("Terminal.Gui.App.ApplicationImpl, Terminal.Gui")] object app);
}
