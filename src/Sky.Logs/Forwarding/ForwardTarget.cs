using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Sky.Logs.Forwarding;

/// <summary>
/// One central log system to forward every line to, as written in the daemon settings under <c>logs.forward</c>:
/// <c>gelf+udp://HOST:PORT</c>, <c>gelf+tcp://HOST:PORT</c>, <c>syslog+udp://HOST:PORT</c> or
/// <c>syslog+tcp://HOST:PORT</c>. The port has no default: GELF and syslog receivers are set up on many ports, and a
/// guessed one would send lines nowhere without a word.
/// </summary>
public sealed record ForwardTarget(ForwardProtocol Protocol, string Host, int Port)
{
    private const string SchemeSeparator = "://";

    private static readonly (string Scheme, ForwardProtocol Protocol)[] Schemes =
    [
        ("gelf+udp", ForwardProtocol.GelfUdp),
        ("gelf+tcp", ForwardProtocol.GelfTcp),
        ("syslog+udp", ForwardProtocol.SyslogUdp),
        ("syslog+tcp", ForwardProtocol.SyslogTcp),
    ];

    private const string KnownSchemes = "gelf+udp, gelf+tcp, syslog+udp or syslog+tcp";

    /// <summary>Reads a target; the error says what is wrong and how it should look.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ForwardTarget? target, [NotNullWhen(false)] out string? error)
    {
        target = null;
        var trimmed = text.Trim();
        var separator = trimmed.IndexOf(SchemeSeparator, StringComparison.Ordinal);
        if (separator < 0)
        {
            error = $"'{text}' is not a log target: write SCHEME://HOST:PORT with SCHEME one of {KnownSchemes}";
            return false;
        }

        var scheme = trimmed[..separator];
        if (!TryFindProtocol(scheme, out var protocol))
        {
            error = $"unknown scheme '{scheme}' in '{text}': use {KnownSchemes}";
            return false;
        }

        var authority = trimmed[(separator + SchemeSeparator.Length)..];
        if (authority.EndsWith('/'))
        {
            authority = authority[..^1];
        }

        if (authority.Length == 0)
        {
            error = $"missing host in '{text}': write {scheme}://HOST:PORT";
            return false;
        }

        if (authority.IndexOfAny(['/', '?', '#', '@']) >= 0)
        {
            error = $"'{text}' has more than HOST:PORT after '{scheme}://': a log target has no path, query or user";
            return false;
        }

        if (!TrySplitHostAndPort(authority, out var host, out var portText))
        {
            error = $"missing port in '{text}': write {scheme}://HOST:PORT, e.g. {scheme}://logs.example.com:{ExamplePort(protocol)}";
            return false;
        }

        if (host.Length == 0)
        {
            error = $"missing host in '{text}': write {scheme}://HOST:PORT";
            return false;
        }

        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            error = $"invalid host '{host}' in '{text}': a DNS name or an IP address";
            return false;
        }

        if (portText.Length == 0)
        {
            error = $"missing port in '{text}': write {scheme}://{Bracketed(host)}:PORT, e.g. port {ExamplePort(protocol)}";
            return false;
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"invalid port '{portText}' in '{text}': a number from 1 to 65535";
            return false;
        }

        target = new ForwardTarget(protocol, host, port);
        error = null;
        return true;
    }

    public override string ToString() => $"{SchemeOf(Protocol)}://{Bracketed(Host)}:{Port.ToString(CultureInfo.InvariantCulture)}";

    private static bool TryFindProtocol(string scheme, out ForwardProtocol protocol)
    {
        foreach (var (name, value) in Schemes)
        {
            if (string.Equals(name, scheme, StringComparison.OrdinalIgnoreCase))
            {
                protocol = value;
                return true;
            }
        }

        protocol = default;
        return false;
    }

    private static string SchemeOf(ForwardProtocol protocol)
    {
        foreach (var (name, value) in Schemes)
        {
            if (value == protocol)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "not a forwarding protocol");
    }

    // An IPv6 address sits in brackets ([::1]:514), since its own colons would be read as the port's.
    private static bool TrySplitHostAndPort(string authority, out string host, out string port)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            var rest = close < 0 ? "" : authority[(close + 1)..];
            host = close < 0 ? authority : authority[1..close];
            port = rest.StartsWith(':') ? rest[1..] : "";
            return close >= 0 && rest.StartsWith(':');
        }

        var colon = authority.LastIndexOf(':');
        host = colon < 0 ? authority : authority[..colon];
        port = colon < 0 ? "" : authority[(colon + 1)..];
        return colon >= 0;
    }

    private static string Bracketed(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;

    private static int ExamplePort(ForwardProtocol protocol) => protocol is ForwardProtocol.GelfUdp or ForwardProtocol.GelfTcp ? 12201 : 514;
}
