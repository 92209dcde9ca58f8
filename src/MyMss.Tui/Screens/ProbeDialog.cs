using MyMss.Core.Domain;
using MyMss.Core.Network;
using MyMss.Tui.Resources;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>
/// Testar ligação: connects in the background (the screen keeps answering), shows each endpoint as soon as it is
/// known, and Esc cancels at any moment.
/// </summary>
public sealed class ProbeDialog : Dialog
{
    private static readonly string[] Spinner = ["|", "/", "-", "\\"];
    private readonly Strings _s;
    private readonly ConnectionSettings _settings;
    private readonly ConnectionTester _tester;
    private readonly CancellationTokenSource _cancel = new();
    private readonly Label _body;
    private readonly List<string> _lines = [];
    private object? _spin;
    private int _frame;

    /// <param name="settings">The endpoints, timeout and retries to test.</param>
    /// <param name="tester">How to connect (tests give one that fails); by default a real TCP connection.</param>
    public ProbeDialog(Strings s, ConnectionSettings settings, ConnectionTester? tester = null)
    {
        _s = s;
        _settings = settings;
        _tester = tester ?? new ConnectionTester();
        Title = s[TextKey.Probe_Title];
        Width = Dim.Fill();
        Height = 9;
        ShadowStyle = null;
        _body = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        Add(_body);
        AddButton(new Button { Text = s[TextKey.Screen_Ok], ShadowStyle = null });
        AddCommand(Command.Cancel, () =>
        {
            _cancel.Cancel();
            App?.RequestStop(this);
            return true;
        });
        KeyBindings.Add(Key.Esc, Command.Cancel);
    }

    /// <summary>The reports so far; complete once <see cref="Done"/>, unless the test failed.</summary>
    public IReadOnlyList<EndpointReport> Reports { get; private set; } = [];

    /// <summary>The test has ended: every endpoint answered or not, or it failed on an unexpected error.</summary>
    public bool Done { get; private set; }

    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        base.OnIsRunningChanged(newIsRunning);
        if (!newIsRunning)
        {
            _cancel.Cancel();
            return;
        }
        IApplication app = App!;
        var endpoints = ConnectionTester.Endpoints(_settings);
        SetRunning(Running(endpoints[0]));
        _spin = app.AddTimeout(TimeSpan.FromMilliseconds(150), () =>
        {
            _frame++;
            Render();
            return !Done;
        });
        var progress = new Reporter<EndpointReport>(r => app.Invoke(() =>
        {
            _lines.Add(RouteText.Probe(_s, r));
            SetRunning(_lines.Count < endpoints.Count ? Running(endpoints[_lines.Count]) : null);
        }));
        // Nobody awaits this task: every way out of it ends on the screen (a result or a one-line failure), never as a
        // spinner turning for ever or an exception lost on the thread pool.
        _ = Task.Run(async () =>
        {
            try
            {
                IReadOnlyList<EndpointReport> reports = await _tester.TestAsync(_settings, progress, _cancel.Token).ConfigureAwait(false);
                app.Invoke(() => Finish(reports));
            }
            catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
            {
                // Esc: the dialog is already closing.
            }
            catch (Exception e)
            {
                string log = ErrorLog.Write(e, null);
                app.Invoke(() => Fail(_s.Format(TextKey.Probe_Crashed, log)));
            }
        });
    }

    private string? _running;

    private string Running((EndpointRole Role, string Host, int Port) e) =>
        _s.Format(TextKey.Probe_Running, e.Host, e.Port, _settings.TimeoutSeconds, _s.Count(Counted.Attempts, _settings.Retries + 1));

    private void SetRunning(string? text)
    {
        _running = text;
        Render();
    }

    /// <summary>The endpoints done so far, then the one being tried behind a spinner.</summary>
    private void Render() =>
        _body.Text = string.Join("\n", _running is null ? _lines : _lines.Append(Spinner[_frame % Spinner.Length] + " " + _running));

    private void Finish(IReadOnlyList<EndpointReport> reports)
    {
        if (_cancel.IsCancellationRequested)
            return; // closed meanwhile
        Reports = reports;
        Stop();
    }

    /// <summary>The endpoints done so far stay; the one being tried gives way to what went wrong, in one line.</summary>
    private void Fail(string line)
    {
        if (_cancel.IsCancellationRequested)
            return;
        _lines.Add(line);
        Stop();
    }

    private void Stop()
    {
        Done = true;
        if (_spin is not null)
            App?.RemoveTimeout(_spin);
        SetRunning(null);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cancel.Cancel();
            _cancel.Dispose();
        }
        base.Dispose(disposing);
    }
}
