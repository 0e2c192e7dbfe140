using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Router.Metrics;
using Sky.Router.Table;

namespace Sky.Router.Mirroring;

/// <summary>
/// Sends request copies to mirror instances, off the request path: the original never waits for a copy. The queue is
/// bounded; a copy that finds it full is dropped and counted, so a slow or dead mirror costs the primary nothing.
/// A few senders work at once; each copy goes to a ready container of the mirror instance in turn, with a timeout, and
/// its answer is thrown away once measured.
/// </summary>
public sealed class MirrorSender(RouterState state, RequestMetrics metrics, HttpMessageInvoker client, ILogger<MirrorSender> logger) : BackgroundService
{
    public const int Capacity = 1024;

    /// <summary>Largest body copied; a request with a larger one is not mirrored (a cut body would be another request).</summary>
    public const int BodyCap = 1024 * 1024;

    private const int Senders = 8;
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<MirrorCopy> copies = Channel.CreateBounded<MirrorCopy>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
    });

    private int turn;

    /// <summary>Queues a copy; false (and counted as dropped) when the queue is full.</summary>
    public bool Offer(MirrorCopy copy)
    {
        if (copies.Writer.TryWrite(copy))
        {
            return true;
        }

        metrics.MirrorDropped(copy.Primary);
        return false;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => SendAllAsync(stoppingToken)));

    private async Task SendAllAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var copy in copies.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAsync(copy, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SendAsync(MirrorCopy copy, CancellationToken stoppingToken)
    {
        var targets = state.Table.Sites
            .SelectMany(s => s.Backends)
            .Where(b => b.Service == copy.Service && b.Instance == copy.Instance && b.State == BackendState.Ready && b.Address is not null)
            .DistinctBy(b => b.Container)
            .ToList();
        if (targets.Count == 0)
        {
            metrics.MirrorDropped(copy.Primary);
            return;
        }

        var target = targets[(int)((uint)Interlocked.Increment(ref turn) % (uint)targets.Count)];
        using var request = new HttpRequestMessage(new HttpMethod(copy.Method), target.Address + copy.PathAndQuery);
        if (!copy.Body.IsEmpty)
        {
            request.Content = new ReadOnlyMemoryContent(copy.Body);
        }

        foreach (var (name, values) in copy.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values);
            }
        }

        request.Headers.Host = copy.Host;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(CopyTimeout);
        try
        {
            using var response = await client.SendAsync(request, timeout.Token);
            metrics.MirrorCopied(copy.Primary, (int)response.StatusCode);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
        {
            logger.LogDebug("A mirrored copy to {Container} failed: {Message}", target.Container, exception.Message);
            metrics.MirrorCopied(copy.Primary, 0);
        }
    }
}
