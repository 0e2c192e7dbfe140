using System.Text.Json;
using System.Threading.Channels;
using Sky.Contracts;
using Sky.Model;
using Sky.Runtime;
using Sky.Supervisor;

namespace Sky.Api.Endpoints;

/// <summary>
/// <c>GET /services/NAME/logs</c>: the output of a service's own containers (not its dependencies), as NDJSON lines,
/// merged as they come when following several containers.
/// </summary>
public static class LogEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/services/{name}/logs", async (string name, string? instance, bool? follow, int? tail, bool? dependencies, HttpContext context, DesiredStateSource desired, IContainerRuntime runtime, Naming naming) =>
        {
            var selector = ServiceSelector.Parse(string.IsNullOrEmpty(instance) ? name : $"{name}/{instance}");
            var containers = selector.Select(desired.Current().State)
                .SelectMany(i => i.Containers)
                .Where(c => dependencies == true || c.Role == SkyLabels.MainRole)
                .Select(c => c.Name)
                .ToList();
            var observed = (await runtime.ListContainersAsync(
                new Dictionary<string, string?> { [SkyLabels.Managed] = "true", [SkyLabels.Namespace] = naming.Namespace },
                context.RequestAborted)).Where(c => containers.Contains(c.Name)).ToList();
            if (observed.Count == 0)
            {
                return ErrorResults.Answer(StatusCodes.Status404NotFound, $"{selector} has no container yet (start it with sky service start {selector})");
            }

            var query = new LogQuery { Follow = follow == true, Tail = tail };
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.StartAsync(context.RequestAborted);
            var lines = Channel.CreateUnbounded<LogLine>(new UnboundedChannelOptions { SingleReader = true });
            var readers = observed.Select(c => Task.Run(async () =>
            {
                try
                {
                    await foreach (var entry in runtime.GetLogsAsync(c.Id, query, context.RequestAborted))
                    {
                        await lines.Writer.WriteAsync(new LogLine(c.Name, entry.Stream == LogStream.Stderr ? "stderr" : "stdout", entry.Timestamp, entry.Text), context.RequestAborted);
                    }
                }
                catch (OperationCanceledException)
                {
                }
                catch (EngineException)
                {
                    // The container went away while we read it: its lines so far were sent.
                }
            })).ToList();
            _ = Task.WhenAll(readers).ContinueWith(_ => lines.Writer.TryComplete(), TaskScheduler.Default);

            try
            {
                await foreach (var line in lines.Reader.ReadAllAsync(context.RequestAborted))
                {
                    await context.Response.WriteAsync(JsonSerializer.Serialize(line, SkyJson.Options) + "\n", context.RequestAborted);
                    if (!lines.Reader.TryPeek(out _))
                    {
                        // Flush only when caught up, so a burst of old lines goes out in few writes.
                        await context.Response.Body.FlushAsync(context.RequestAborted);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }

            return Results.Empty;
        })
            .WithName("GetServiceLogs")
            .WithDescription("The output of the service's own containers (with dependencies=true, theirs too), one LogLine a line; follow=true keeps streaming.")
            .ProducesLines<LogLine>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }
}
