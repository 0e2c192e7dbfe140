using System.Globalization;
using System.Net;

namespace Sky.Router;

/// <summary>Turns a <c>HOST:PORT</c> listen address into the end point Kestrel binds (<c>127.0.0.1:8080</c>, <c>0.0.0.0:80</c>, <c>[::]:80</c>, <c>localhost:8080</c>).</summary>
public static class ListenEndPoint
{
    public static IPEndPoint? TryParse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return null;
        }

        var host = text[..colon].Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new IPEndPoint(IPAddress.Loopback, port);
        }

        return IPAddress.TryParse(host, out var address) ? new IPEndPoint(address, port) : null;
    }
}
