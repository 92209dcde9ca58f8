using System.Net;
using System.Net.Sockets;
using MyMss.Core.Domain;
using MyMss.Core.Network;

namespace MyMss.Core.Tests;

/// <summary>Real TCP connections, to listeners on 127.0.0.1 only.</summary>
public sealed class ConnectionTesterTests : IDisposable
{
    private readonly List<IDisposable> _cleanup = [];

    public void Dispose()
    {
        foreach (IDisposable d in _cleanup)
            d.Dispose();
    }

    private int OpenPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _cleanup.Add(listener);
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A port that never answers: a listener whose accept queue is full, so the kernel drops new connection requests.</summary>
    private int SilentPort()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        _cleanup.Add(listener);
        int port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        for (int i = 0; i < 8; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
            _cleanup.Add(filler);
            try { filler.Connect(IPAddress.Loopback, port); } catch (SocketException) { }
        }
        Thread.Sleep(200);
        return port;
    }

    private static ConnectionSettings Profile(int port, int timeout = 1, int retries = 0, string? externalHost = null, int? externalPort = null) => new(
        "127.0.0.1", port, timeout, retries, externalHost is null ? InternetAccess.None : InternetAccess.MobileData, externalHost, externalPort);

    [Fact]
    public async Task An_open_port_is_reachable_with_its_connect_time()
    {
        var report = Assert.Single(await new ConnectionTester().TestAsync(Profile(OpenPort())));
        Assert.Equal((EndpointRole.Internal, ProbeOutcome.Reachable, 1), (report.Role, report.Outcome, report.Attempts));
        Assert.NotNull(report.ConnectTime);
    }

    [Fact]
    public async Task A_closed_port_is_refused_after_every_retry()
    {
        var report = Assert.Single(await new ConnectionTester().TestAsync(Profile(ClosedPort(), retries: 2)));
        Assert.Equal((ProbeOutcome.Refused, 3), (report.Outcome, report.Attempts));
        Assert.Null(report.ConnectTime);
    }

    [Fact]
    public async Task A_port_that_never_answers_times_out_within_the_profile_timeout()
    {
        var started = DateTime.UtcNow;
        var report = Assert.Single(await new ConnectionTester().TestAsync(Profile(SilentPort(), timeout: 1, retries: 1)));
        Assert.Equal((ProbeOutcome.TimedOut, 2), (report.Outcome, report.Attempts));
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_external_endpoint_is_tested_too()
    {
        var reports = await new ConnectionTester().TestAsync(Profile(OpenPort(), externalHost: "127.0.0.1", externalPort: ClosedPort()));
        Assert.Equal([(EndpointRole.Internal, ProbeOutcome.Reachable), (EndpointRole.External, ProbeOutcome.Refused)], reports.Select(r => (r.Role, r.Outcome)));
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_said_so_and_not_retried()
    {
        // DNS cannot be reached from here: the resolver stands in for it.
        var tester = new ConnectionTester((_, _) => Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound)));
        var report = Assert.Single(await tester.TestAsync(Profile(OpenPort(), retries: 3) with { Host = "nao-existe.example.pt" }));
        Assert.Equal((ProbeOutcome.NameNotResolved, 1), (report.Outcome, report.Attempts));
    }

    [Fact]
    public async Task Cancelling_stops_at_once()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ConnectionTester().TestAsync(Profile(SilentPort(), timeout: 30, retries: 5), null, cancel.Token));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(SocketError.HostNotFound, ProbeOutcome.NameNotResolved)]
    [InlineData(SocketError.ConnectionRefused, ProbeOutcome.Refused)]
    [InlineData(SocketError.TimedOut, ProbeOutcome.TimedOut)]
    [InlineData(SocketError.NetworkUnreachable, ProbeOutcome.Unreachable)]
    [InlineData(SocketError.HostUnreachable, ProbeOutcome.Unreachable)]
    public void Socket_errors_map_to_the_reasons_a_technician_reads(SocketError error, ProbeOutcome outcome) =>
        Assert.Equal(outcome, ConnectionTester.Classify(error));
}
