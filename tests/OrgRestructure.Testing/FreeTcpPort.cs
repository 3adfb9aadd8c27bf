using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OrgRestructure.Testing;

/// <summary>Free loopback TCP ports for servers started by tests.</summary>
public static class FreeTcpPort
{
    private static readonly ConcurrentDictionary<int, bool> Issued = new();

    /// <summary>
    /// A port nothing listens on right now, chosen by the kernel. Ports handed out by this process
    /// are not handed out again, so concurrent callers never get the same one.
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            // RabbitMQ's Erlang distribution port defaults to PORT + 20000; keep room for it.
            if (port <= 45000 && Issued.TryAdd(port, true))
            {
                return port;
            }
        }
    }
}
