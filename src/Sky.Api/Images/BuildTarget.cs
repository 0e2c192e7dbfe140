using Sky.Runtime;
using Sky.Supervisor;

namespace Sky.Api.Images;

/// <summary>
/// What a build request names, checked before the engine is asked: the image to build (<c>NAME:VERSION</c>), the
/// Dockerfile within the build context, and the name to push it as (on the daemon's registry) when asked to push.
/// </summary>
public sealed record BuildTarget(ImageReference Image, string? Dockerfile, ImageReference? PushAs)
{
    /// <summary>Reads the request's query; a request sky cannot carry out is <see cref="OperationException"/> (400).</summary>
    public static BuildTarget Read(string? tag, string? dockerfile, bool push, string? registry)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            throw Invalid("name the image: ?tag=NAME:VERSION (sky build DIR -t NAME:VERSION)");
        }

        if (!ImageReference.TryParse(tag, out var image, out var problem))
        {
            throw Invalid(problem);
        }

        if (image.Tag is null || image.Digest is not null)
        {
            throw Invalid($"'{tag}' has no version: name the image NAME:VERSION (such as my-app:1.2); a version is what a deploy and a rollback name");
        }

        if (dockerfile is { Length: > 0 } && (Path.IsPathRooted(dockerfile) || dockerfile.Split('/', '\\').Contains("..")))
        {
            throw Invalid($"the Dockerfile '{dockerfile}' must be a path inside the build context");
        }

        return new BuildTarget(image, string.IsNullOrEmpty(dockerfile) ? null : dockerfile, push ? PushName(image, registry) : null);
    }

    /// <summary>An image named on no registry is pushed as <c>REGISTRY/NAME:VERSION</c>, which is where a deploy of <c>NAME:VERSION</c> looks.</summary>
    private static ImageReference PushName(ImageReference image, string? registry)
    {
        if (registry is null)
        {
            throw Invalid("this daemon has no registry to push to: set registry: HOST:PORT in its settings (see docs/daemon-settings.yml), or sky daemon --registry HOST:PORT");
        }

        if (image.Registry is null)
        {
            return image.On(registry);
        }

        return image.IsOn(registry)
            ? image
            : throw Invalid($"sky pushes only to its registry {registry}, and {image} names {image.Registry}: name it {image.Repository}:{image.Tag} or {registry}/{image.Repository}:{image.Tag}");
    }

    private static OperationException Invalid(string message) => new(OperationErrorKind.Invalid, message);
}
