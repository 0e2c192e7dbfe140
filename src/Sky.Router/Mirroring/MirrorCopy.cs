using Sky.Router.Metrics;

namespace Sky.Router.Mirroring;

/// <summary>A copy of one routed request, to send to the mirror instance once the original has been answered.</summary>
public sealed record MirrorCopy(
    string Method,
    string PathAndQuery,
    string Host,
    IReadOnlyList<KeyValuePair<string, string[]>> Headers,
    ReadOnlyMemory<byte> Body,
    string Service,
    string Instance,
    RequestRoute Primary);
