using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Sky.Store;

namespace Sky.Alerts;

/// <summary>
/// The background queue between deciding and sending: each delivery runs on its own, retried with exponential back-off
/// (Polly), every attempt recorded, so a mail server or webhook that is briefly down delays a message but does not
/// lose it, and a slow channel never holds up another.
/// </summary>
public sealed class AlertDispatcher
{
    private readonly Channel<Delivery> queue = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AlertRepository repository;
    private readonly TimeProvider clock;
    private readonly ILogger<AlertDispatcher> logger;
    private readonly ResiliencePipeline pipeline;

    public AlertDispatcher(AlertRepository repository, TimeProvider clock, ILogger<AlertDispatcher> logger, DeliveryRetryOptions? options = null)
    {
        this.repository = repository;
        this.clock = clock;
        this.logger = logger;
        options ??= new DeliveryRetryOptions();
        pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(0, options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.FirstDelay,
                MaxDelay = options.MaxDelay,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            })
            .Build();
    }

    public void Enqueue(Delivery delivery) => queue.Writer.TryWrite(delivery);

    /// <summary>Sends what is queued until <paramref name="cancellationToken"/> fires; deliveries in flight are abandoned then.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var running = new HashSet<Task>();
        try
        {
            await foreach (var delivery in queue.Reader.ReadAllAsync(cancellationToken))
            {
                running.RemoveWhere(t => t.IsCompleted);
                running.Add(DeliverAsync(delivery, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running);
    }

    /// <summary>Tries one delivery until it succeeds or the attempts run out; never throws.</summary>
    public async Task DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var attempt = 0;
        try
        {
            await pipeline.ExecuteAsync(
                async token =>
                {
                    attempt++;
                    try
                    {
                        await delivery.Channel.SendAsync(delivery.Target, delivery.Message, token);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        Record(delivery, attempt, exception.Message);
                        logger.LogWarning("{Channel} to {Target} failed (attempt {Attempt}): {Error}", delivery.Channel.Name, delivery.Channel.Describe(delivery.Target), attempt, exception.Message);
                        throw;
                    }

                    Record(delivery, attempt, null);
                },
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            logger.LogError("gave up on {Channel} to {Target} after {Attempts} attempts: {Subject}: {Error}", delivery.Channel.Name, delivery.Channel.Describe(delivery.Target), attempt, delivery.Message.Subject, exception.Message);
        }
    }

    private void Record(Delivery delivery, int attempt, string? error)
    {
        try
        {
            repository.RecordDelivery(delivery.AlertId, clock.GetUtcNow(), delivery.Channel.Name, delivery.Channel.Describe(delivery.Target), delivery.Notice, attempt, error is null, error);
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            // The record is for people reading history; failing to write it must not undo a sent message.
            logger.LogWarning("cannot record a delivery: {Error}", exception.Message);
        }
    }
}
