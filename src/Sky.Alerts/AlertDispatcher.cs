using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Sky.Store;

namespace Sky.Alerts;

/// <summary>
/// The background queue between deciding and sending: each delivery runs on its own, retried with exponential back-off
/// (Polly), every attempt recorded, so a mail server or webhook that is briefly down delays a message but does not
/// lose it, and a slow channel never holds up another. How each delivery ended (told, or given up on) goes to the event
/// log as well, so that people see it where they look, not only in the daemon's log.
/// </summary>
public sealed class AlertDispatcher
{
    /// <summary>The event kind of a delivery's outcome.</summary>
    public const string EventKind = "notify";

    private readonly Channel<Queued> queue = Channel.CreateUnbounded<Queued>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AlertRepository repository;
    private readonly TimeProvider clock;
    private readonly ILogger<AlertDispatcher> logger;
    private readonly EventLog? events;
    private readonly ResiliencePipeline pipeline;

    public AlertDispatcher(AlertRepository repository, TimeProvider clock, ILogger<AlertDispatcher> logger, DeliveryRetryOptions? options = null, EventLog? events = null)
    {
        this.repository = repository;
        this.clock = clock;
        this.logger = logger;
        this.events = events;
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

    public void Enqueue(Delivery delivery) => queue.Writer.TryWrite(new Queued(delivery, null));

    /// <summary>
    /// Queues a delivery like <see cref="Enqueue"/>, and answers once its first attempt is over: null when the channel
    /// took the message, else why not (the retries go on), so that whoever asked can say whether anyone was told.
    /// </summary>
    public Task<string?> EnqueueWatchedAsync(Delivery delivery)
    {
        var firstAttempt = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite(new Queued(delivery, firstAttempt)))
        {
            firstAttempt.TrySetResult("the daemon is stopping");
        }

        return firstAttempt.Task;
    }

    /// <summary>Sends what is queued until <paramref name="cancellationToken"/> fires; deliveries in flight are abandoned then.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var running = new HashSet<Task>();
        try
        {
            await foreach (var queued in queue.Reader.ReadAllAsync(cancellationToken))
            {
                running.RemoveWhere(t => t.IsCompleted);
                running.Add(DeliverAsync(queued.Delivery, queued.FirstAttempt, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running);
    }

    /// <summary>Tries one delivery until it succeeds or the attempts run out; never throws.</summary>
    public Task DeliverAsync(Delivery delivery, CancellationToken cancellationToken) => DeliverAsync(delivery, null, cancellationToken);

    private async Task DeliverAsync(Delivery delivery, TaskCompletionSource<string?>? firstAttempt, CancellationToken cancellationToken)
    {
        var attempt = 0;
        var target = delivery.Channel.Describe(delivery.Target);
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
                        firstAttempt?.TrySetResult(exception.Message);
                        logger.LogWarning("{Channel} to {Target} failed (attempt {Attempt}): {Error}", delivery.Channel.Name, target, attempt, exception.Message);
                        throw;
                    }

                    Record(delivery, attempt, null);
                    firstAttempt?.TrySetResult(null);
                    Say(delivery, $"{delivery.Message.Subject}: told {target} by {delivery.Channel.Name}");
                },
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            logger.LogError("gave up on {Channel} to {Target} after {Attempts} attempts: {Subject}: {Error}", delivery.Channel.Name, target, attempt, delivery.Message.Subject, exception.Message);
            Say(delivery, $"{delivery.Message.Subject}: {delivery.Channel.Name} to {target} failed {attempt} time(s), sky gave up: nobody was told by {delivery.Channel.Name} ({exception.Message})");
        }
        finally
        {
            firstAttempt?.TrySetResult("the daemon stopped before it was sent");
        }
    }

    /// <summary>Writes how a delivery ended (or why nothing was sent) to the event log.</summary>
    public void Say(Delivery delivery, string message) => Say(delivery.Service, delivery.Instance, message);

    public void Say(string? service, string? instance, string message)
    {
        try
        {
            events?.Append(EventKind, service, instance, message);
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            logger.LogWarning("cannot record a delivery in the event log: {Error}", exception.Message);
        }
    }

    /// <summary>A delivery in the queue, and whoever waits for its first attempt.</summary>
    private sealed record Queued(Delivery Delivery, TaskCompletionSource<string?>? FirstAttempt);

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
