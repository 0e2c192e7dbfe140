using System.Text.Json;
using Sky.Api.Logs;
using Sky.Api.Streaming;
using Sky.Contracts;
using Sky.Logs;
using Sky.Logs.Forwarding;
using Sky.Logs.Reading;
using Sky.Logs.Store;
using Sky.Model;
using Sky.Supervisor;

namespace Sky.Api.Endpoints;

/// <summary>
/// The kept output, from the log store (lines outlive their containers): <c>GET /services/NAME/logs</c> for a service,
/// <c>GET /logs</c> for any labels (a job's runs, one container). NDJSON, one <see cref="LogLine"/> a line, in time
/// order across containers; <c>follow=true</c> goes on with lines as they are stored.
/// </summary>
public static class LogEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/services/{name}/logs", async (string name, string? instance, bool? dependencies, HttpContext context, DesiredStateSource desired, LogStore store, LogReader reader, TimeProvider clock) =>
        {
            var labels = new LogFilter { Kind = SkyLabels.ServiceKind, Service = name, Instance = string.IsNullOrEmpty(instance) ? null : instance, MainOnly = dependencies != true };
            var known = desired.Current().State.FindService(name) is not null || store.Sources().Any(s => s.Source.Service == name);
            if (!known)
            {
                return ErrorResults.Answer(StatusCodes.Status404NotFound, $"no service named '{name}' (in the configuration or in the kept logs)");
            }

            return await AnswerAsync(context, labels, reader, clock);
        })
            .EndsWhenTheDaemonStops()
            .WithName("GetServiceLogs")
            .WithDescription("The kept output of the service's own containers (with dependencies=true, theirs too), also of containers gone: since/until (1h or a time), stream, grep, regex, tail, follow.")
            .ProducesLines<LogLine>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapGet("/logs", async (string? kind, string? service, string? instance, string? job, long? run, string? container, HttpContext context, LogReader reader, TimeProvider clock) =>
        {
            var labels = new LogFilter { Kind = kind, Service = service, Instance = instance, Job = job, Run = run, Container = container };
            return await AnswerAsync(context, labels, reader, clock);
        })
            .EndsWhenTheDaemonStops()
            .WithName("GetLogs")
            .WithDescription("The kept output of every container whose labels match (kind, service, instance, job, run, container), with the same filters as a service's logs.")
            .ProducesLines<LogLine>()
            .ProducesErrors(StatusCodes.Status400BadRequest);

        MapStatus(api);
    }

    private static void MapStatus(IEndpointRouteBuilder api) =>
        api.MapGet("/logs/status", (LogStore store, LogRetention retention, IServiceProvider services) =>
        {
            var sources = store.Sources();
            return new LogStatusView
            {
                BytesOnDisk = store.SizeOnDisk(),
                MaxBytes = retention.MaxBytes,
                RetentionDays = retention.MaxAge.TotalDays,
                Sources = sources.Count,
                Lines = sources.Sum(s => s.Lines),
                Forwarding = (services.GetService<LogForwarding>()?.Status() ?? []).Select(f => new LogForwardView
                {
                    Target = f.Target,
                    Connected = f.Connected,
                    Sent = f.Sent,
                    Dropped = f.Dropped,
                    Buffered = f.Buffered,
                    LastError = f.LastError,
                }).ToList(),
            };
        })
            .WithName("GetLogStatus")
            .WithDescription("What the log store holds and keeps, and each forwarding target's counts.")
            .Produces<LogStatusView>();

    private static async Task<IResult> AnswerAsync(HttpContext context, LogFilter labels, LogReader reader, TimeProvider clock)
    {
        if (LogRequest.Parse(context.Request.Query, labels, clock.GetUtcNow(), out var error) is not { } request)
        {
            return ErrorResults.Answer(StatusCodes.Status400BadRequest, error!);
        }

        context.Response.ContentType = "application/x-ndjson";
        await context.Response.StartAsync(context.RequestAborted);

        // The headers go out now, not with the first line: a follower of a quiet service knows it is connected.
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            if (request.Follow)
            {
                await foreach (var record in reader.FollowAsync(request.Filter, request.Match, request.Tail, context.RequestAborted))
                {
                    await WriteAsync(context, record);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }
            }
            else
            {
                foreach (var record in reader.Read(request.Filter, request.Match, request.Tail))
                {
                    await WriteAsync(context, record);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (LogFollowerLaggedException lagged)
        {
            // The client read too slowly to follow: its stream ends, and a new request starts where it wants.
            RequestErrors.Note(context, StatusCodes.Status200OK, lagged.Message);
        }

        return Results.Empty;
    }

    private static Task WriteAsync(HttpContext context, LogRecord record) =>
        context.Response.WriteAsync(JsonSerializer.Serialize(LogLines.From(record), SkyJson.Info<LogLine>()) + "\n", context.RequestAborted);
}
