using System.Globalization;
using System.Text.Json;
using Sky.Api.Events;
using Sky.Api.Streaming;
using Sky.Configuration.Values;
using Sky.Contracts;
using Sky.Feed;
using Sky.Store;
using Sky.Supervisor;

namespace Sky.Api.Endpoints;

/// <summary>
/// What sky did and saw: the kept event log (<c>/events</c>) and the live state feed as server-sent events
/// (<c>/events/stream</c>: a <c>snapshot</c>, then every <c>change</c>, a fresh snapshot after falling behind).
/// </summary>
public static class EventEndpoints
{
    /// <summary>A comment line this often keeps proxies from closing a quiet stream, and finds clients that left.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/events", async (EventLog events, TimeProvider clock, string? service, string? since, int? limit, CancellationToken cancellationToken) =>
        {
            var from = Since(since, clock);
            var list = await events.RecentAsync(Math.Clamp(limit ?? 100, 1, 100_000), service, from, cancellationToken);
            return SkyResults.Json(list.Select(e => new EventView(e.Id, e.Time, e.Kind, e.Service, e.Instance, e.Message)).ToList());
        })
            .WithName("ListEvents")
            .Produces<List<EventView>>()
            .ProducesErrors(StatusCodes.Status400BadRequest);

        api.MapGet("/events/stream", async (HttpContext context, StateFeed feed, string? service, CancellationToken cancellationToken) =>
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers["X-Accel-Buffering"] = "no";
            await context.Response.Body.FlushAsync(cancellationToken);
            await using var items = feed.WatchAsync(cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
            Task<bool>? next = null;
            try
            {
                next = items.MoveNextAsync().AsTask();

                // One timer at a time, made again only when it fires: a busy stream must not leave a timer per change.
                var keepAlive = Task.Delay(KeepAlive, cancellationToken);
                while (true)
                {
                    if (await Task.WhenAny(next, keepAlive) == keepAlive)
                    {
                        await context.Response.WriteAsync(": keep-alive\n\n", cancellationToken);
                        await context.Response.Body.FlushAsync(cancellationToken);
                        keepAlive = Task.Delay(KeepAlive, cancellationToken);
                        continue;
                    }

                    if (!await next)
                    {
                        break;
                    }

                    await WriteAsync(context.Response, items.Current, service, cancellationToken);
                    next = items.MoveNextAsync().AsTask();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The client left.
            }
            finally
            {
                // An async iterator cannot be disposed while a MoveNextAsync is pending (it throws NotSupportedException):
                // let the pending one end with the cancellation first. A page closed or reloaded leaves exactly this way.
                if (next is { IsCompleted: false })
                {
                    await next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                }
            }
        })
            .EndsWhenTheDaemonStops()
            .WithName("StreamEvents")
            .WithDescription("Server-sent events: first a 'snapshot' (FeedSnapshotView), then each 'change' (FeedChangeView); a fresh snapshot after falling behind.")
            .Produces<FeedChangeView>(StatusCodes.Status200OK, EndpointDocs.EventStream)
            .AddOpenApiOperationTransformer(EndpointDocs.SnapshotThenChanges);
    }

    /// <summary>A duration back from now (<c>30m</c>, <c>1h</c>, <c>2d</c>) or a time (ISO 8601); null for all.</summary>
    public static DateTimeOffset? Since(string? since, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(since))
        {
            return null;
        }

        if (Durations.TryParse(since, out var back))
        {
            return clock.GetUtcNow() - back;
        }

        if (DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        throw new OperationException(OperationErrorKind.Invalid, $"since: '{since}' is neither a duration (30m, 1h, 2d) nor a time (2026-11-29T17:00:00Z)");
    }

    private static async Task WriteAsync(HttpResponse response, FeedItem item, string? service, CancellationToken cancellationToken)
    {
        var (name, data) = item switch
        {
            FeedSnapshot snapshot => ("snapshot", JsonSerializer.Serialize(FeedViews.Snapshot(snapshot, service), SkyJson.Info<FeedSnapshotView>())),
            FeedChange change when service is null || change.Service == service => ("change", JsonSerializer.Serialize(FeedViews.Change(change), SkyJson.Info<FeedChangeView>())),
            _ => (null, null),
        };
        if (name is null)
        {
            return;
        }

        await response.WriteAsync($"id: {item.Sequence.ToString(CultureInfo.InvariantCulture)}\nevent: {name}\ndata: {data}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
