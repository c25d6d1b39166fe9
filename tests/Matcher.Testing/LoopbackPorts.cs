using System.Net;
using System.Net.Sockets;

namespace Matcher.Testing;

/// <summary>Ports for test servers (and for what a stopped server looks like), so parallel tests never collide.</summary>
public static class LoopbackPorts
{
    /// <summary>A loopback port nobody listens on once this returns.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
