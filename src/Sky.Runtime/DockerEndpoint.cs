using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sky.Runtime;

/// <summary>
/// Where the Docker engine listens, as <c>DOCKER_HOST</c> spells it: <c>unix:///path</c> or <c>tcp://host:port</c>.
/// It also opens the raw connection, so that every way of failing to reach the engine is explained in one place.
/// </summary>
public sealed class DockerEndpoint
{
    public const string DefaultSocketPath = "/var/run/docker.sock";

    /// <summary>The port the engine listens on for plain TCP when <c>DOCKER_HOST</c> names none.</summary>
    public const int DefaultTcpPort = 2375;

    private DockerEndpoint(string? socketPath, string? host, int port)
    {
        SocketPath = socketPath;
        Host = host;
        Port = port;
    }

    public static DockerEndpoint Default { get; } = new(DefaultSocketPath, null, 0);

    /// <summary>The socket file for a <c>unix://</c> endpoint; null for TCP.</summary>
    public string? SocketPath { get; }

    /// <summary>The host for a <c>tcp://</c> endpoint; null for a Unix socket.</summary>
    public string? Host { get; }

    public int Port { get; }

    public bool IsUnixSocket => SocketPath is not null;

    /// <summary>
    /// Reads an endpoint as <c>DOCKER_HOST</c> spells it. An empty value means the default socket; a bare path
    /// is taken as a Unix socket. Throws <see cref="FormatException"/> for schemes sky does not speak.
    /// </summary>
    public static DockerEndpoint Parse(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Default;
        }

        if (text.StartsWith('/'))
        {
            return new DockerEndpoint(text, null, 0);
        }

        if (text.StartsWith("unix://", StringComparison.OrdinalIgnoreCase))
        {
            var path = text["unix://".Length..];
            if (path.Length == 0 || path[0] != '/')
            {
                throw new FormatException($"'{value}' is not a valid Docker endpoint: a unix:// address needs an absolute path, as in unix:///var/run/docker.sock.");
            }

            return new DockerEndpoint(path, null, 0);
        }

        if (text.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
        {
            return ParseTcp(value!, text["tcp://".Length..]);
        }

        throw new FormatException($"'{value}' is not a Docker endpoint sky can use: write unix:///path/to/docker.sock or tcp://host:port.");
    }

    /// <summary>The endpoint named by <c>DOCKER_HOST</c>, or the default socket when it is unset.</summary>
    public static DockerEndpoint FromEnvironment() => Parse(Environment.GetEnvironmentVariable("DOCKER_HOST"));

    public override string ToString() =>
        IsUnixSocket ? "unix://" + SocketPath : string.Create(CultureInfo.InvariantCulture, $"tcp://{FormatHost(Host!)}:{Port}");

    /// <summary>The address HttpClient is given; only its host part reaches the engine (as the Host header).</summary>
    internal Uri BaseAddress => IsUnixSocket
        ? new Uri("http://docker/")
        : new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{FormatHost(Host!)}:{Port}/"));

    /// <summary>Opens a connection to the engine, or throws <see cref="EngineUnavailableException"/> saying why not.</summary>
    internal async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        if (IsUnixSocket && !File.Exists(SocketPath))
        {
            // Checked up front because the error code of connecting to a missing path is not portable.
            throw Unavailable("the socket does not exist", "Start the engine (dockerd) or point DOCKER_HOST at it.", null);
        }

        var socket = IsUnixSocket
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            EndPoint target = IsUnixSocket ? new UnixDomainSocketEndPoint(SocketPath!) : new DnsEndPoint(Host!, Port);
            await socket.ConnectAsync(target, cancellationToken);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw Explain(e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The exception shown when the engine cannot be reached, with where sky looked and what to do.</summary>
    internal EngineUnavailableException Unavailable(string reason, string advice, Exception? inner)
    {
        var message = $"Cannot reach the Docker engine at {this}: {reason}. {advice}";
        return inner is null ? new EngineUnavailableException(message) : new EngineUnavailableException(message, inner);
    }

    private EngineUnavailableException Explain(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.AccessDenied => Unavailable(
            "permission denied",
            "Run sky as a user allowed to use the engine (for example a member of the docker group) or point DOCKER_HOST elsewhere.",
            e),
        SocketError.ConnectionRefused => Unavailable(
            "the connection was refused (is the engine running?)",
            "Start the engine (dockerd) or point DOCKER_HOST at it.",
            e),
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => Unavailable(
            "the host name does not resolve",
            "Check DOCKER_HOST.",
            e),
        SocketError.TimedOut or SocketError.HostUnreachable or SocketError.NetworkUnreachable => Unavailable(
            "no answer (" + e.SocketErrorCode + ")",
            "Check that the engine runs there and that DOCKER_HOST is right.",
            e),
        SocketError.AddressNotAvailable when IsUnixSocket => Unavailable(
            "the socket does not exist",
            "Start the engine (dockerd) or point DOCKER_HOST at it.",
            e),
        _ => Unavailable(e.Message, "Start the engine (dockerd) or point DOCKER_HOST at it.", e),
    };

    private static DockerEndpoint ParseTcp(string original, string rest)
    {
        rest = rest.TrimEnd('/');
        string host;
        var portText = string.Empty;
        if (rest.StartsWith('['))
        {
            // An IPv6 literal: [::1]:2375.
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"'{original}' is not a valid Docker endpoint: unclosed '[' in the host.");
            }

            host = rest[1..close];
            var after = rest[(close + 1)..];
            if (after.StartsWith(':'))
            {
                portText = after[1..];
            }
            else if (after.Length > 0)
            {
                throw new FormatException($"'{original}' is not a valid Docker endpoint: unexpected '{after}' after the host.");
            }
        }
        else
        {
            var colon = rest.LastIndexOf(':');
            host = colon < 0 ? rest : rest[..colon];
            portText = colon < 0 ? string.Empty : rest[(colon + 1)..];
        }

        if (host.Length == 0 || host.Contains('/', StringComparison.Ordinal))
        {
            throw new FormatException($"'{original}' is not a valid Docker endpoint: a tcp:// address needs a host, as in tcp://127.0.0.1:2375.");
        }

        var port = DefaultTcpPort;
        if (portText.Length > 0
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new FormatException($"'{original}' is not a valid Docker endpoint: '{portText}' is not a port number.");
        }

        return new DockerEndpoint(null, host, port);
    }

    private static string FormatHost(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
}
