using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Sky.Model;
using Sky.Runtime;

namespace Sky.Supervisor.Health;

/// <summary>
/// Runs one lifecycle check. From the host, containers are reached only through their ports published on 127.0.0.1
/// (never their own addresses): <c>http</c> GETs the path there and wants 2xx or 3xx, <c>port</c> wants a TCP
/// connection; <c>command</c> runs inside the container through the engine and wants exit code 0.
/// </summary>
public sealed class CheckProber(IContainerRuntime runtime) : ICheckProber, IDisposable
{
    // Redirects count as alive (3xx) and must not be followed: the target may be outside the container.
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });

    /// <summary>How long a port check's connection must stay open (or until the server speaks) to count.</summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(200);

    public async Task<CheckOutcome> ProbeAsync(CheckSpec check, ContainerSpec spec, string containerId, IReadOnlyDictionary<int, int> published, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(check.Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            var outcome = check.Kind switch
            {
                CheckKind.Http => await HttpAsync(check, spec, published, timeout.Token),
                CheckKind.Port => await PortAsync(check, published, timeout.Token),
                CheckKind.Command => await CommandAsync(check, containerId, timeout.Token),
                _ => new CheckOutcome(false, $"unknown check kind {check.Kind}"),
            };
            return outcome with { Text = $"{check}: {outcome.Text} ({watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture)} ms)" };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CheckOutcome(false, $"{check}: no answer within {check.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (Exception exception) when (exception is HttpRequestException or SocketException or IOException or EngineException or EngineUnavailableException)
        {
            return new CheckOutcome(false, $"{check}: {exception.Message}");
        }
    }

    private async Task<CheckOutcome> HttpAsync(CheckSpec check, ContainerSpec spec, IReadOnlyDictionary<int, int> published, CancellationToken cancellationToken)
    {
        var port = check.Port ?? (spec.Ports.Count > 0 ? spec.Ports[0] : 0);
        if (!published.TryGetValue(port, out var hostPort))
        {
            return new CheckOutcome(false, $"port {port} is not published");
        }

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{hostPort}{check.Path}"), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var code = (int)response.StatusCode;
        return new CheckOutcome(code is >= 200 and < 400, $"HTTP {code}");
    }

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

    public void Dispose() => http.Dispose();
}
