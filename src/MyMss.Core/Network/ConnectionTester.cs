using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MyMss.Core.Domain;

namespace MyMss.Core.Network;

/// <summary>Which address of a profile: the server on the company LAN, or the one used from outside.</summary>
public enum EndpointRole
{
    Internal,
    External,
}

/// <summary>How a connection attempt ended.</summary>
public enum ProbeOutcome
{
    Reachable,
    NameNotResolved,
    Refused,
    TimedOut,
    Unreachable,
    Failed,
}

/// <summary>What happened when connecting to one endpoint: reachable with its connect time, or why not, after how many attempts.</summary>
public sealed record EndpointReport(EndpointRole Role, string Host, int Port, ProbeOutcome Outcome, TimeSpan? ConnectTime, int Attempts, string? Detail = null)
{
    public bool Reachable => Outcome == ProbeOutcome.Reachable;
}

/// <summary>
/// Opens TCP connections to a profile's server (and external endpoint, when it has one) the way a terminal would:
/// each attempt bounded by the profile's timeout, retried up to its number of retries. Nothing is sent.
/// </summary>
public sealed class ConnectionTester(Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolve ?? ((host, ct) => Dns.GetHostAddressesAsync(host, ct));

    public static IReadOnlyList<(EndpointRole Role, string Host, int Port)> Endpoints(ConnectionSettings p)
    {
        var list = new List<(EndpointRole, string, int)> { (EndpointRole.Internal, p.Host, p.Port) };
        if (p.InternetAccess != InternetAccess.None && p.ExternalHost is string host && p.ExternalPort is int port)
            list.Add((EndpointRole.External, host, port));
        return list;
    }

    public async Task<IReadOnlyList<EndpointReport>> TestAsync(ConnectionSettings profile, IProgress<EndpointReport>? progress = null, CancellationToken cancel = default)
    {
        var reports = new List<EndpointReport>();
        foreach (var (role, host, port) in Endpoints(profile))
        {
            EndpointReport report = await ProbeAsync(role, host, port, TimeSpan.FromSeconds(profile.TimeoutSeconds), profile.Retries, cancel).ConfigureAwait(false);
            reports.Add(report);
            progress?.Report(report);
        }
        return reports;
    }

    public async Task<EndpointReport> ProbeAsync(EndpointRole role, string host, int port, TimeSpan timeout, int retries, CancellationToken cancel)
    {
        EndpointReport? last = null;
        for (int attempt = 1; attempt <= retries + 1; attempt++)
        {
            cancel.ThrowIfCancellationRequested();
            last = await AttemptAsync(role, host, port, timeout, attempt, cancel).ConfigureAwait(false);
            if (last.Reachable || last.Outcome == ProbeOutcome.NameNotResolved)
                break; // a name that does not resolve will not resolve on the next try either
        }
        return last!;
    }

    private async Task<EndpointReport> AttemptAsync(EndpointRole role, string host, int port, TimeSpan timeout, int attempt, CancellationToken cancel)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            string bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
            IPAddress[] addresses = IPAddress.TryParse(bare, out IPAddress? literal) ? [literal] : await _resolve(bare, limit.Token).ConfigureAwait(false);
            if (addresses.Length == 0)
                return new EndpointReport(role, host, port, ProbeOutcome.NameNotResolved, null, attempt);
            using var socket = new Socket(addresses[0].AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(addresses, port, limit.Token).ConfigureAwait(false);
            return new EndpointReport(role, host, port, ProbeOutcome.Reachable, clock.Elapsed, attempt);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return new EndpointReport(role, host, port, ProbeOutcome.TimedOut, null, attempt);
        }
        catch (SocketException e)
        {
            return new EndpointReport(role, host, port, Classify(e.SocketErrorCode), null, attempt, e.SocketErrorCode.ToString());
        }
        catch (ArgumentException e)
        {
            return new EndpointReport(role, host, port, ProbeOutcome.Failed, null, attempt, e.Message);
        }
    }

    public static ProbeOutcome Classify(SocketError error) => error switch
    {
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => ProbeOutcome.NameNotResolved,
        SocketError.ConnectionRefused or SocketError.ConnectionReset => ProbeOutcome.Refused,
        SocketError.TimedOut => ProbeOutcome.TimedOut,
        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown or SocketError.HostDown or SocketError.AddressNotAvailable => ProbeOutcome.Unreachable,
        _ => ProbeOutcome.Failed,
    };
}

/// <summary>The words of --json for the probe's values (see <see cref="Words{T}"/>).</summary>
public static class ProbeVocabulary
{
    public static readonly Words<EndpointRole> Endpoint = new((EndpointRole.Internal, "internal", null), (EndpointRole.External, "external", null));

    public static readonly Words<ProbeOutcome> Outcome = new(
        (ProbeOutcome.Reachable, "reachable", null),
        (ProbeOutcome.NameNotResolved, "name-not-resolved", null),
        (ProbeOutcome.Refused, "refused", null),
        (ProbeOutcome.TimedOut, "timed-out", null),
        (ProbeOutcome.Unreachable, "unreachable", null),
        (ProbeOutcome.Failed, "failed", null));
}

/// <summary>Reports on the calling thread, in order (Progress&lt;T&gt; posts to the thread pool, where output can come late or out of order).</summary>
public sealed class Reporter<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
