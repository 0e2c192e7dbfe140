using System.Net;

namespace Sky.Metrics.StatsD;

/// <summary>Reads where StatsD listens: an IP address and a port (<c>127.0.0.1:8125</c>, <c>[::1]:8125</c>); a host name would need a lookup.</summary>
public static class StatsdListen
{
    public static bool TryParse(string text, out IPEndPoint endPoint) =>
        IPEndPoint.TryParse(text, out endPoint!) && endPoint.Port > 0 && text.Contains(':', StringComparison.Ordinal);
}
