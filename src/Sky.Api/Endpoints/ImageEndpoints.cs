using Sky.Api.Images;
using Sky.Contracts;
using Sky.Runtime;

namespace Sky.Api.Endpoints;

/// <summary>Images: <c>POST /images/build</c> builds one through the engine (and pushes it to the daemon's registry).</summary>
public static class ImageEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/images/build", (HttpContext context, ImageBuilds builds, ImageSource images, string? tag, string? dockerfile, bool? push) =>
            builds.BuildAsync(context, BuildTarget.Read(tag, dockerfile, push == true, images.Registry)))
            .WithName("BuildImage")
            .WithDescription(
                "The body is the build context, a tar archive with the Dockerfile at its root (or at ?dockerfile=PATH within it). "
                + "?tag=NAME:VERSION names the image; ?push=true pushes it to the daemon's registry (as REGISTRY/NAME:VERSION when "
                + "NAME names no registry). The answer is the engine's output, then the result (or an error), as BuildMessage lines.")
            .Accepts<Stream>("application/x-tar")
            .ProducesLines<BuildMessage>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable);
    }
}
