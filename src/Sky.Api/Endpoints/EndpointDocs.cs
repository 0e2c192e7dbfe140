using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Sky.Contracts;

namespace Sky.Api.Endpoints;

/// <summary>
/// What the OpenAPI document says of an endpoint beyond its route: answers are written with <c>SkyResults.Json</c>, so their
/// contract types and status codes are declared here, next to the handlers, for the document to name them.
/// </summary>
public static class EndpointDocs
{
    /// <summary>One JSON document a line, flushed as it happens: operations, logs, runs.</summary>
    public const string Ndjson = "application/x-ndjson";

    public const string EventStream = "text/event-stream";

    /// <summary>Error answers, each an <see cref="ApiError"/> with a sentence.</summary>
    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var statusCode in statusCodes)
        {
            builder.Produces<ApiError>(statusCode);
        }

        return builder;
    }

    /// <summary>A 200 answer that is a stream of <typeparamref name="T"/>, one a line.</summary>
    public static RouteHandlerBuilder ProducesLines<T>(this RouteHandlerBuilder builder) => builder.Produces<T>(StatusCodes.Status200OK, Ndjson);

    /// <summary>
    /// <c>/events/stream</c> sends two shapes, which one response type cannot say: its event-stream answer becomes one of
    /// <see cref="FeedSnapshotView"/> and <see cref="FeedChangeView"/>, both named among the document's schemas.
    /// </summary>
    public static async Task SnapshotThenChanges(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses is null || !operation.Responses.TryGetValue("200", out var ok)
            || ok.Content is null || !ok.Content.TryGetValue(EventStream, out var content) || context.Document is not { } document)
        {
            return;
        }

        content.Schema = new OpenApiSchema
        {
            OneOf = [await ReferenceAsync<FeedSnapshotView>(document, context, cancellationToken), await ReferenceAsync<FeedChangeView>(document, context, cancellationToken)],
        };
    }

    private static async Task<IOpenApiSchema> ReferenceAsync<T>(OpenApiDocument document, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var id = typeof(T).Name;
        document.AddComponent<IOpenApiSchema>(id, await context.GetOrCreateSchemaAsync(typeof(T), cancellationToken: cancellationToken));
        return new OpenApiSchemaReference(id, document);
    }
}
