using System.Net;
using System.Net.Sockets;

namespace MyMss.Tui.Tests;

/// <summary>Endpoints on 127.0.0.1 for connection tests: tests never connect anywhere else.</summary>
public static class Loopback
{
    /// <summary>A listening port, open while the returned listener lives.</summary>
    public static TcpListener Open(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }

    /// <summary>A port nobody listens on: connecting is refused.</summary>
    public static int Closed()
    {
        using TcpListener listener = Open(out int port);
        listener.Stop();
        return port;
    }
}
