using Sky.Api.Streaming;
using Sky.Api.Views;
using Sky.Configuration;
using Sky.Contracts;
using Sky.Model;
using Sky.Store;
using Sky.Supervisor;
using Sky.Supervisor.Revisions;
using Sky.Supervisor.Rollouts;

namespace Sky.Api.Endpoints;

/// <summary>Validating, previewing and applying configurations.</summary>
public static class ConfigurationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/validate", (FilesRequest request, Naming naming) =>
        {
            var files = Files(request);
            var result = ConfigurationLoader.Load(files, naming);
            return SkyResults.Json(Answer(result));
        })
            .WithName("Validate")
            .Produces<ValidationAnswer>()
            .ProducesErrors(StatusCodes.Status400BadRequest);

        api.MapPost("/apply", async (FilesRequest request, HttpContext context, ConfigurationOperations configuration) =>
        {
            var source = Source(request);
            var stream = new NdjsonOperationStream();
            return await stream.RunAsync(context, async reporter =>
            {
                var revision = await configuration.ApplyAsync(source, reporter, CancellationToken.None);
                return (true, revision);
            });
        })
            .WithName("Apply")
            .WithDescription("Applies a source: adds or updates the entries it holds, removes only those it held last time and no longer does. A plan, progress as steps move, then a result (or an error) as NDJSON lines.")
            .ProducesLines<StreamMessage>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/deploy", async (FilesRequest request, bool? wait, string? timeout, HttpContext context, ConfigurationOperations configuration, RolloutGuard rollouts) =>
        {
            var bound = TimeSpan.FromMinutes(10);
            if (timeout is not null && (!Sky.Configuration.Values.Durations.TryParse(timeout, out bound) || bound <= TimeSpan.Zero))
            {
                throw new OperationException(OperationErrorKind.Invalid, $"timeout: '{timeout}' is not a duration (use 90s, 10m)");
            }

            var source = Source(request);
            var stream = new NdjsonOperationStream();
            return await stream.RunAsync(context, async reporter =>
            {
                var revision = await configuration.ApplyAsync(source, reporter, CancellationToken.None);
                if (wait != true || rollouts.Of(revision) is not { } rollout)
                {
                    return new StreamMessage { Type = "result", Ok = true, Revision = revision };
                }

                stream.Rollout($"waiting for the rollout of revision {revision} to pass its checks");
                var outcome = await rollout.WaitAsync(bound, context.RequestAborted).ContinueWith(
                    t => t.IsCompletedSuccessfully ? t.Result : new RolloutOutcome(RolloutStates.Failed, [NotJudged(bound, context)]),
                    TaskScheduler.Default);
                return new StreamMessage
                {
                    Type = "result",
                    Ok = outcome.State == RolloutStates.Healthy,
                    Revision = revision,
                    Outcome = outcome.State,
                    Details = outcome.Messages,
                    RollbackRevision = outcome.RollbackRevision,
                };
            });
        })
            .EndsWhenTheDaemonStops()
            .WithName("Deploy")
            .WithDescription("Applies a source as /apply does; with wait=true, then follows the rollout of what it changed (at most timeout, a duration such as 90s or 10m; default 10m) and ends with its outcome: healthy, rolled-back (by which revision) or failed, with why.")
            .ProducesLines<StreamMessage>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/apply/preview", async (FilesRequest request, ConfigurationOperations configuration, CancellationToken cancellationToken) =>
        {
            var source = Source(request);
            var preview = await configuration.PreviewAsync(source, cancellationToken);
            return SkyResults.Json(
                new ApplyPreviewView(source.Name, preview.Changes.Select(RevisionViews.Change).ToList(), NdjsonOperationStream.StepViews(preview.Plan), preview.Warnings));
        })
            .WithName("PreviewApply")
            .WithDescription("What applying the source would change (entry by entry, key by key) and the container steps it would take; changes nothing.")
            .Produces<ApplyPreviewView>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status503ServiceUnavailable);
    }

    public static ValidationAnswer Answer(ConfigurationResult result) => new(
        result.IsValid,
        result.Errors.Select(e => e.ToString()).ToList(),
        result.State?.Services.Select(s => s.Name).ToList() ?? [],
        result.State?.Jobs.Select(j => j.Name).ToList() ?? [])
    {
        Warnings = result.Warnings.Select(w => w.ToString()).ToList(),
    };

    /// <summary>The request as a source: named by <c>--source</c>, or by the path it was read from.</summary>
    private static string NotJudged(TimeSpan bound, HttpContext context) =>
        context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested
            ? "the daemon stopped before the rollout was judged (it carries on when the daemon starts again)"
            : $"the rollout was not judged within {HumanDuration.Format(bound.TotalSeconds)}";

    private static RevisionSource Source(FilesRequest request)
    {
        var files = Files(request);
        var name = !string.IsNullOrWhiteSpace(request.Name) ? request.Name.Trim() : request.Source ?? "api";
        return new RevisionSource(name, ConfigurationFiles.FolderOf(request.Source), files.Select(f => new StoredFile(f.Path, f.Content)).ToList());
    }

    private static List<ConfigurationFile> Files(FilesRequest request)
    {
        if (request.Files is null || request.Files.Count == 0)
        {
            throw new OperationException(OperationErrorKind.Invalid, "the request names no configuration file (send {\"files\": [{\"path\": ..., \"content\": ...}]})");
        }

        // The daemon runs beside the CLI: relative paths in the files are read against the folder they were sent from.
        var folder = ConfigurationFiles.FolderOf(request.Source);
        return request.Files.Select((f, i) => new ConfigurationFile(
            string.IsNullOrWhiteSpace(f.Path) ? $"file-{i + 1}.yml" : f.Path,
            f.Content ?? throw new OperationException(OperationErrorKind.Invalid, $"file {i + 1} ({f.Path}) has no content"))
        {
            BaseDirectory = folder,
        }).ToList();
    }
}
