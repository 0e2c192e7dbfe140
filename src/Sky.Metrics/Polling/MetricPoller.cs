using System.Net;

namespace Sky.Metrics.Polling;

/// <summary>
/// Polls one endpoint once: asks for it, reads the answer and says what it measured, with the failure metric 0, or
/// why it failed, with the failure metric 1. Expected failures (refused, timed out, an error status, a body that is
/// too large or cannot be read) are results, never exceptions; only the caller's own cancellation throws. One poller,
/// with its one HTTP client, serves every container.
/// </summary>
/// <remarks>
/// Unlike samlare, which counts an answer with any status as a good poll (with no values), sky counts anything but
/// 200 as a failure: a 404 means the service's path is wrong and a 500 means the application is sick, and either
/// should show on the failure graph. Redirects are not followed, for the same reason: the path should be fixed, and
/// the reason says where it points. Every point of a poll carries the time the poll began, by the injected clock, which
/// also runs the timeout; a timestamp written in a Prometheus sample is kept by the parser but not used, since it may
/// be minutes old or from another clock, and the history and alert rules read a poll as one moment.
/// </remarks>
public sealed class MetricPoller : IDisposable
{
    /// <summary>The largest answer read; a Go program's expvar or a busy /metrics is tens of kilobytes.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    // What a Prometheus server asks for when it wants the text format: a client that also speaks OpenMetrics or
    // protobuf answers with 0.0.4 text, which is the one format read here.
    private const string PrometheusAccept = "text/plain;version=0.0.4;q=1,*/*;q=0.1";
    private const string ExpvarAccept = "application/json";

    private readonly TimeProvider time;
    private readonly HttpClient client;

    public MetricPoller(TimeProvider time)
    {
        this.time = time;
        client = new HttpClient(new SocketsHttpHandler
        {
            // A connection left idle is dropped before the shortest keep-alive a web server commonly has (Node's 5 s),
            // so that a poll never reuses one the application is closing at that moment and fails for nothing; a
            // new connection on loopback costs next to nothing. The lifetime cap lets go of connections to containers
            // that were replaced while their port was reused.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(4),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            // Endpoints are on 127.0.0.1: a proxy from the daemon's environment must not be asked for them.
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        })
        {
            // Each poll has its own timeout, which the target sets.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<PollResult> PollAsync(PollTarget target, CancellationToken cancellationToken)
    {
        var polledAt = time.GetUtcNow();
        using var timeout = new CancellationTokenSource(target.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await AskAsync(target, polledAt, linked.Token);
        }
        catch (Exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Failed(target, polledAt, PollFailureReason.TimedOut(target.Timeout));
        }
        catch (HttpRequestException e)
        {
            return Failed(target, polledAt, PollFailureReason.Of(e));
        }
        catch (IOException)
        {
            return Failed(target, polledAt, PollFailureReason.BrokenWhileReading);
        }
    }

    public void Dispose() => client.Dispose();

    private async Task<PollResult> AskAsync(PollTarget target, DateTimeOffset polledAt, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target.Url);
        request.Headers.Accept.ParseAdd(target.Kind == PollKind.Prometheus ? PrometheusAccept : ExpvarAccept);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var status = $"HTTP {(int)response.StatusCode}";
            return Failed(target, polledAt, response.Headers.Location is { } location ? $"{status} to {location}" : status);
        }

        var body = await BoundedBody.ReadAsync(response.Content, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Failed(target, polledAt, PollFailureReason.TooLarge(MaxBodyBytes));
        }

        if (!PollAnswer.TryRead(target.Kind, body.Value, target.Rules, out var values, out var types, out var failure))
        {
            return Failed(target, polledAt, failure);
        }

        var points = new List<MetricPoint>(values.Count + 1);
        foreach (var value in values)
        {
            points.Add(new MetricPoint(value.Name, target.Labels, value.Value, polledAt));
        }

        // The failure metric is sky's own: no ignore or rename rule applies to it.
        points.Add(new MetricPoint(target.FailureMetric, target.Labels, 0, polledAt));
        return new PollResult(points, null, types);
    }

    private static PollResult Failed(PollTarget target, DateTimeOffset polledAt, string reason) =>
        new([new MetricPoint(target.FailureMetric, target.Labels, 1, polledAt)], reason, PollAnswer.NoTypes);
}
