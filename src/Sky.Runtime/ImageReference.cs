using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Sky.Runtime;

/// <summary>
/// An image reference read as the engine reads it: <c>[REGISTRY/]REPOSITORY[:TAG][@DIGEST]</c>. The first part of the
/// path is a registry only when it looks like a host (it holds a <c>.</c> or a <c>:</c>, or is <c>localhost</c>), so
/// <c>127.0.0.1:5000/my-app:1.2</c> is on the registry <c>127.0.0.1:5000</c> and <c>team/my-app:1.2</c> is on none
/// (the engine would take it for Docker Hub's).
/// </summary>
public sealed partial record ImageReference
{
    public const string DefaultTag = "latest";

    /// <summary><c>HOST[:PORT]</c>, or null when the reference names no registry.</summary>
    public string? Registry { get; init; }

    /// <summary>The path within the registry: <c>my-app</c>, <c>team/my-app</c>.</summary>
    public required string Repository { get; init; }

    /// <summary>Null when the reference gives none (the engine reads it as <see cref="DefaultTag"/>) or gives a digest only.</summary>
    public string? Tag { get; init; }

    /// <summary><c>sha256:...</c>, when the reference pins one.</summary>
    public string? Digest { get; init; }

    /// <summary>The repository with its registry, as the engine's pull and push take it: <c>127.0.0.1:5000/my-app</c>.</summary>
    public string Name => Registry is null ? Repository : $"{Registry}/{Repository}";

    /// <summary>What a registry serves a manifest under: the digest when pinned, else the tag (<c>latest</c> when none).</summary>
    public string Version => Digest ?? Tag ?? DefaultTag;

    public static ImageReference Parse(string text) =>
        TryParse(text, out var reference, out var problem) ? reference : throw new FormatException(problem);

    /// <summary>Reads <paramref name="text"/>; on failure <paramref name="problem"/> says what is wrong with it.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ImageReference? reference, [NotNullWhen(false)] out string? problem)
    {
        reference = null;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            problem = $"'{text}' is not an image reference (such as my-app:1.2, or 127.0.0.1:5000/my-app:1.2)";
            return false;
        }

        var path = match.Groups["path"].Value;
        string? registry = null;
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && IsHost(path[..slash]))
        {
            registry = path[..slash];
            path = path[(slash + 1)..];
        }

        if (!path.Split('/').All(component => Component().IsMatch(component)))
        {
            problem = $"'{text}' is not an image reference: '{path}' must be lower-case letters, digits and separators (., _, -) between '/'";
            return false;
        }

        problem = null;
        reference = new ImageReference
        {
            Registry = registry,
            Repository = path,
            Tag = match.Groups["tag"].Success ? match.Groups["tag"].Value : null,
            Digest = match.Groups["digest"].Success ? match.Groups["digest"].Value : null,
        };
        return true;
    }

    /// <summary>Whether this names an image of <paramref name="registry"/> (host names compare without case, as DNS does).</summary>
    public bool IsOn(string registry) => string.Equals(Registry, registry, StringComparison.OrdinalIgnoreCase);

    public ImageReference On(string registry) => this with { Registry = registry };

    public override string ToString() => Name + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);

    private static bool IsHost(string component) =>
        component.Contains('.', StringComparison.Ordinal) || component.Contains(':', StringComparison.Ordinal) || component == "localhost";

    // The path is everything up to a tag (a ':' after the last '/') or a digest; a registry's port keeps its ':' in the path.
    [GeneratedRegex(@"^(?<path>(?:[^/:@\s]+(?::[0-9]+)?/)?[^:@\s]+)(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(?<digest>[a-z0-9]+:[a-f0-9]{32,}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Component();
}
