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
    private readonly ConnectionSettings _profile;
    private readonly CancellationTokenSource _cancel = new();
    private readonly Label _body;
    private readonly List<string> _lines = [];
    private object? _spin;
    private int _frame;

    public ProbeDialog(Strings s, ConnectionSettings profile)
    {
        _s = s;
        _profile = profile;
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

    /// <summary>The reports so far; complete once <see cref="Done"/>.</summary>
    public IReadOnlyList<EndpointReport> Reports { get; private set; } = [];
    public bool Done { get; private set; }
    public bool Cancelled => _cancel.IsCancellationRequested;

    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        base.OnIsRunningChanged(newIsRunning);
        if (!newIsRunning)
        {
            _cancel.Cancel();
            return;
        }
        IApplication app = App!;
        var endpoints = ConnectionTester.Endpoints(_profile);
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
        _ = Task.Run(async () =>
        {
            try
            {
                IReadOnlyList<EndpointReport> reports = await new ConnectionTester().TestAsync(_profile, progress, _cancel.Token).ConfigureAwait(false);
                app.Invoke(() => Finish(reports));
            }
            catch (OperationCanceledException)
            {
                // Esc: the dialog is already closing.
            }
        });
    }

    private string? _running;

    private string Running((EndpointRole Role, string Host, int Port) e) =>
        _s.Format(TextKey.Probe_Running, e.Host, e.Port, _profile.TimeoutSeconds, _profile.Retries + 1);

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
        Reports = reports;
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
