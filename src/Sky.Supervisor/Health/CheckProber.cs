using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Sky.Model;
using Sky.Runtime;

namespace Sky.Supervisor.Health;

/// <summary>
/// Runs one lifecycle check. From the host, containers are reached only through their ports published on 127.0.0.1
/// (never their own addresses): <c>http</c> GETs the path there and wants 2xx or 3xx, <c>port</c> wants a TCP
/// connection; <c>command</c> runs inside the container through the engine and wants exit code 0. Waits and HTTP
/// checks run on <see cref="ProbeThreads"/>; an answer slower than <see cref="OnThreadFor"/> is awaited off them.
/// </summary>
public sealed class CheckProber(IContainerRuntime runtime) : ICheckProber, IDisposable
{
    /// <summary>How long a probe thread waits for an HTTP answer before leaving the rest of the wait to the thread pool.</summary>
    internal static readonly TimeSpan OnThreadFor = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a port check's connection must stay open (or until the server speaks) to count.</summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(200);

    /// <summary>From what share of its timeout on a check's text says how long the answer took.</summary>
    internal const double NotableShareOfTimeout = 0.1;

    private readonly ProbeThreads threads = new();

    public async Task<CheckOutcome> ProbeAsync(CheckSpec check, ContainerSpec spec, string containerId, IReadOnlyDictionary<int, int> published, TimeSpan after, CancellationToken cancellationToken)
    {
        if (check.Kind == CheckKind.Http)
        {
            return await HttpAsync(check, spec, published, after, cancellationToken);
        }

        await threads.WaitAsync(after, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(check.Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var outcome = check.Kind switch
            {
                CheckKind.Port => await PortAsync(check, published, timeout.Token),
                CheckKind.Command => await CommandAsync(check, containerId, timeout.Token),
                _ => new CheckOutcome(false, $"unknown check kind {check.Kind}"),
            };
            return Timed(check, outcome, started);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return NoAnswer(check);
        }
        catch (Exception exception) when (exception is SocketException or IOException or EngineException or EngineUnavailableException)
        {
            return Failed(check, exception);
        }
    }

    public void Dispose() => threads.Dispose();

    /// <summary>Connects, sends and waits a little on a probe thread; an answer still on its way is awaited after it.</summary>
    private async Task<CheckOutcome> HttpAsync(CheckSpec check, ContainerSpec spec, IReadOnlyDictionary<int, int> published, TimeSpan after, CancellationToken cancellationToken)
    {
        var port = check.Port ?? (spec.Ports.Count > 0 ? spec.Ports[0] : 0);
        if (!published.TryGetValue(port, out var hostPort))
        {
            await threads.WaitAsync(after, cancellationToken);
            return new CheckOutcome(false, $"{check}: port {port} is not published");
        }

        var path = RequestTarget(check.Path);
        var first = await threads.RunAfterAsync(after, () => HttpOnThread(check, hostPort, path), cancellationToken);
        if (first.Outcome is { } done)
        {
            return done;
        }

        using var call = first.Pending!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var left = check.Timeout - Stopwatch.GetElapsedTime(call.StartedAt);
        timeout.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        try
        {
            return Answer(check, await call.ReadStatusAsync(timeout.Token), call.StartedAt);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return NoAnswer(check);
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return Failed(check, exception);
        }
    }

    /// <summary>The blocking part, on a probe thread: the outcome, or the call whose answer is slower than <see cref="OnThreadFor"/>.</summary>
    private static (CheckOutcome? Outcome, HttpCheckCall? Pending) HttpOnThread(CheckSpec check, int hostPort, string path)
    {
        HttpCheckCall? call = null;
        try
        {
            call = HttpCheckCall.Send(hostPort, path, check.Timeout);
            if (call.TryReadStatus(check.Timeout < OnThreadFor ? check.Timeout : OnThreadFor, out var status))
            {
                return (Answer(check, status, call.StartedAt), null);
            }

            if (Stopwatch.GetElapsedTime(call.StartedAt) >= check.Timeout)
            {
                return (NoAnswer(check), null);
            }

            var pending = call;
            call = null;
            return (null, pending);
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.TimedOut)
        {
            return (NoAnswer(check), null);
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return (Failed(check, exception), null);
        }
        finally
        {
            call?.Dispose();
        }
    }

    private static CheckOutcome Answer(CheckSpec check, int status, long startedAt) =>
        Timed(check, new CheckOutcome(status is >= 200 and < 400, $"HTTP {status.ToString(CultureInfo.InvariantCulture)}"), startedAt);

    /// <summary>
    /// The outcome's text after the check's name, and how long the answer took when that is worth saying: at least
    /// <see cref="NotableShareOfTimeout"/> of the check's timeout, on its way to timing out. A quick answer's text is the
    /// same from round to round (<c>http /health on port 8080: HTTP 200</c>), and so is the health stored with it: a time in
    /// milliseconds that moved by one made a new health snapshot, 30 times a second with 300 containers checked every
    /// 10 s, each of which lived until the next round and needed a full collection to go.
    /// </summary>
    private static CheckOutcome Timed(CheckSpec check, CheckOutcome outcome, long startedAt)
    {
        var took = Stopwatch.GetElapsedTime(startedAt);
        return outcome with
        {
            Text = took >= check.Timeout * NotableShareOfTimeout
                ? $"{check}: {outcome.Text} ({((long)took.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)} ms)"
                : $"{check}: {outcome.Text}",
        };
    }

    private static CheckOutcome Failed(CheckSpec check, Exception exception) => new(false, $"{check}: {exception.Message}");

    private static CheckOutcome NoAnswer(CheckSpec check) =>
        new(false, $"{check}: no answer within {check.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");

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
