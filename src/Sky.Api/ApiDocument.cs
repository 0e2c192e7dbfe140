using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sky.Api;

/// <summary>
/// The daemon's OpenAPI document, built at run time from the endpoints as mapped and the contract types they declare,
/// so that it cannot drift from what the daemon answers.
/// </summary>
public static class ApiDocument
{
    public const string Path = "/api/v1/openapi.json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services
            // After every Configure: SkyJson.Configure sets the options' resolver whole, whenever it is registered.
            .PostConfigure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.TypeInfoResolverChain.Add(ApiDocumentJsonContext.Default))
            .AddOpenApi(options => options.AddDocumentTransformer(Describe));

    private static Task Describe(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "sky daemon",
            Version = SkyVersion.Current,
            Description = "Services, jobs, one-off containers, events and alerts of one sky daemon. Durations are seconds; errors are an ApiError with a sentence.",
        };
        return Task.CompletedTask;
    }
}
