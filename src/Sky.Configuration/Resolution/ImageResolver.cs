using Sky.Configuration.Keys;
using Sky.Configuration.Reading;

namespace Sky.Configuration.Resolution;

/// <summary>
/// The image reference of a container from an entry and, for an instance, its overrides. The more specific
/// level wins: an instance's own image (with its tag, or the nearest version) replaces the parent's, and an
/// instance's version replaces the tag of the parent's image.
/// </summary>
internal static class ImageResolver
{
    public static string? Resolve(KeyValues parent, KeyValues? instance)
    {
        var parentVersion = parent.Get(ConfigurationKeys.Version)?.Value;
        if (instance?.Get(ConfigurationKeys.Image) is { } own)
        {
            return own.Value.WithVersion(instance.Get(ConfigurationKeys.Version)?.Value ?? parentVersion);
        }

        if (parent.Get(ConfigurationKeys.Image) is not { } inherited)
        {
            return null;
        }

        if (instance?.Get(ConfigurationKeys.Version) is { } version)
        {
            return (inherited.Value with { Tag = version.Value, Digest = null }).WithVersion(null);
        }

        return inherited.Value.WithVersion(parentVersion);
    }
}
