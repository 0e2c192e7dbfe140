using System.Text.RegularExpressions;

namespace Sky.Configuration.Values;

/// <summary>
/// An image as written in <c>image:</c>: repository (registry host and port included), optional tag, optional digest.
/// The tag is the part after the last ':' that follows the last '/', so <c>127.0.0.1:5000/x:1</c> reads right.
/// </summary>
internal sealed partial record ImageReference(string Repository, string? Tag, string? Digest)
{
    public const string LatestTag = "latest";

    public bool HasTag => Tag is not null || Digest is not null;

    /// <summary>The reference Docker is given, with <paramref name="version"/> as tag when the image has none.</summary>
    public string WithVersion(string? version)
    {
        if (Digest is not null)
        {
            return Tag is null ? $"{Repository}@{Digest}" : $"{Repository}:{Tag}@{Digest}";
        }

        return $"{Repository}:{Tag ?? version ?? LatestTag}";
    }

    public static bool TryParse(string text, out ImageReference? image, out string? error)
    {
        image = null;
        error = null;
        var rest = text.Trim();
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!DigestPattern().IsMatch(digest))
            {
                error = $"'{digest}' is not an image digest (use sha256:HEX)";
                return false;
            }
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!IsTag(tag))
            {
                error = TagProblem(tag);
                return false;
            }
        }

        if (!IsRepository(rest))
        {
            error = $"'{text}' is not an image name (use name, name:tag or registry/name:tag, in lower case)";
            return false;
        }

        image = new ImageReference(rest, tag, digest);
        return true;
    }

    public static bool IsTag(string tag) => TagPattern().IsMatch(tag);

    public static string TagProblem(string tag) =>
        $"'{tag}' is not an image tag (use at most 128 letters, digits, '.', '_' and '-')";

    private static bool IsRepository(string repository)
    {
        var parts = repository.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            // The first part of a multi-part name is a registry host when it looks like one (docker's own rule).
            var isHost = i == 0 && parts.Length > 1
                && (parts[0].Contains('.', StringComparison.Ordinal) || parts[0].Contains(':', StringComparison.Ordinal) || parts[0] == "localhost");
            var ok = isHost ? HostPattern().IsMatch(parts[i]) : ComponentPattern().IsMatch(parts[i]);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();

    [GeneratedRegex("^[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ComponentPattern();

    [GeneratedRegex("^[a-z0-9]+([+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestPattern();
}
