using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Sky.Model;
using Sky.Runtime;

namespace Sky.Supervisor.Health;

/// <summary>
/// Makes the probes of lifecycle checks. From the host, containers are reached only through their ports published on
/// 127.0.0.1 (never their own addresses): <c>http</c> GETs the path there and wants 2xx or 3xx (<see cref="HttpProbe"/>),
/// <c>port</c> wants a TCP connection; <c>command</c> runs inside the container through the engine and wants exit code 0
/// (<see cref="AttemptProbe"/>). Every probe waits for its turn on the prober's <see cref="ProbeThreads"/>.
/// </summary>
public sealed class CheckProber(IContainerRuntime runtime) : ICheckProber, IDisposable
{
    /// <summary>How long a port check's connection must stay open (or until the server speaks) to count.</summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(200);

    private readonly ProbeThreads threads = new();

    public ICheckProbe Prepare(CheckSpec check, ContainerSpec spec, string containerId, IReadOnlyDictionary<int, int> published) => check.Kind switch
    {
        CheckKind.Http => Http(check, spec, published),
        CheckKind.Port => new AttemptProbe(threads, check, timeout => PortAsync(check, published, timeout)),
        CheckKind.Command => new AttemptProbe(threads, check, timeout => CommandAsync(check, containerId, timeout)),
        _ => new AttemptProbe(threads, check, _ => Task.FromResult(new CheckOutcome(false, $"unknown check kind {check.Kind}"))),
    };

    public void Dispose() => threads.Dispose();

    private HttpProbe Http(CheckSpec check, ContainerSpec spec, IReadOnlyDictionary<int, int> published)
    {
        var port = check.Port ?? (spec.Ports.Count > 0 ? spec.Ports[0] : 0);
        return new HttpProbe(threads, check, port, published.TryGetValue(port, out var hostPort) ? hostPort : null);
    }

    /// <summary>The path as a request line wants it: escaped where it must be, <c>/</c> when none is given.</summary>
    internal static string RequestTarget(string? path) =>
        Uri.TryCreate("http://127.0.0.1" + (string.IsNullOrEmpty(path) ? "/" : path.StartsWith('/') ? path : "/" + path), UriKind.Absolute, out var uri) ? uri.PathAndQuery : "/";

    private static async Task<CheckOutcome> PortAsync(CheckSpec check, IReadOnlyDictionary<int, int> published, CancellationToken cancellationToken)
    {
        var port = check.Port ?? 0;
        if (!published.TryGetValue(port, out var hostPort))
        {
            return new CheckOutcome(false, $"port {port} is not published");
        }

        using var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, hostPort, cancellationToken);

        // On loopback the engine's port proxy accepts every connection, then closes it at once when nothing listens in
        // the container. So a connection counts only if it stays open for a moment or the server speaks first.
        using var settle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        settle.CancelAfter(SettleTime);
        var buffer = new byte[64];
        try
        {
            var read = await client.GetStream().ReadAsync(buffer, settle.Token);
            return read > 0 ? new CheckOutcome(true, "connected, the server answered") : new CheckOutcome(false, "connection closed at once (nothing listens)");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CheckOutcome(true, "connected");
        }
    }

    private async Task<CheckOutcome> CommandAsync(CheckSpec check, string containerId, CancellationToken cancellationToken)
    {
        var result = await runtime.ExecAsync(containerId, ["/bin/sh", "-c", check.Command ?? "true"], cancellationToken);
        var tail = result.Output.Trim();
        tail = tail.Length > 80 ? tail[^80..] : tail;
        return new CheckOutcome(result.ExitCode == 0, tail.Length == 0 ? $"exit {result.ExitCode}" : $"exit {result.ExitCode}: {tail}");
    }
}
