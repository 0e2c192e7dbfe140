using Sky.Configuration;
using Sky.Contracts;
using Sky.Model;
using Sky.Store;
using Sky.Supervisor;

namespace Sky.Api.Endpoints;

/// <summary>Validating and applying configurations; listing revisions.</summary>
public static class ConfigurationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/validate", (FilesRequest request, Naming naming) =>
        {
            var files = Files(request);
            var result = ConfigurationLoader.Load(files, naming);
            return Results.Json(Answer(result), SkyJson.Options);
        })
            .WithName("Validate")
            .Produces<ValidationAnswer>()
            .ProducesErrors(StatusCodes.Status400BadRequest);

        api.MapPost("/apply", async (FilesRequest request, HttpContext context, ServiceOperations operations) =>
        {
            var files = Files(request);
            var stream = new NdjsonOperationStream();
            return await stream.RunAsync(context, async reporter =>
            {
                var revision = await operations.ApplyAsync(request.Source ?? "api", files, reporter, CancellationToken.None);
                return (true, revision);
            });
        })
            .WithName("Apply")
            .WithDescription("A plan, progress as steps move, then a result (or an error) as NDJSON lines.")
            .ProducesLines<StreamMessage>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/revisions", (RevisionRepository revisions, int? limit) =>
            Results.Json(revisions.List(limit ?? 20).Select(r => new RevisionView(r.Number, r.CreatedAt, r.Source)).ToList(), SkyJson.Options))
            .WithName("ListRevisions")
            .Produces<List<RevisionView>>();
    }

    public static ValidationAnswer Answer(ConfigurationResult result) => new(
        result.IsValid,
        result.Errors.Select(e => e.ToString()).ToList(),
        result.State?.Services.Select(s => s.Name).ToList() ?? [],
        result.State?.Jobs.Select(j => j.Name).ToList() ?? [])
    {
        Warnings = result.Warnings.Select(w => w.ToString()).ToList(),
    };

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
