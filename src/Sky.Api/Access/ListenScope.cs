using System.Net;

namespace Sky.Api.Access;

/// <summary>Whether an address (a listen address, a request's host) names this machine's loopback only.</summary>
public static class ListenScope
{
    /// <summary><c>127.0.0.1:7070</c>, <c>localhost:7070</c>, <c>[::1]:7070</c>: true; <c>0.0.0.0:7070</c>, <c>10.0.0.5:7070</c>: false.</summary>
    public static bool IsLoopback(string hostAndPort) => IsLoopbackHost(HostOf(hostAndPort));

    /// <summary>A host name or address (no port) that reaches loopback: <c>localhost</c>, <c>*.localhost</c>, <c>127.x.x.x</c>, <c>::1</c>.</summary>
    public static bool IsLoopbackHost(string host)
    {
        var bare = host.Trim('[', ']');
        if (bare.Equals("localhost", StringComparison.OrdinalIgnoreCase) || bare.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>The host of <c>HOST:PORT</c> (<c>[::1]:80</c> gives <c>[::1]</c>); the whole text when it has no port.</summary>
    public static string HostOf(string hostAndPort)
    {
        if (hostAndPort.StartsWith('['))
        {
            var end = hostAndPort.IndexOf(']', StringComparison.Ordinal);
            return end < 0 ? hostAndPort : hostAndPort[..(end + 1)];
        }

        var colon = hostAndPort.LastIndexOf(':');
        return colon < 0 || hostAndPort.IndexOf(':', StringComparison.Ordinal) != colon ? hostAndPort : hostAndPort[..colon];
    }
}
