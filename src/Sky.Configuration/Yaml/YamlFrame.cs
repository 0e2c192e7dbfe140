using YamlDotNet.Core;

namespace Sky.Configuration.Yaml;

/// <summary>A mapping or list that <see cref="YamlTreeReader"/> is still filling.</summary>
internal sealed class YamlFrame(Node container, string path, AnchorName anchor)
{
    public Node Container { get; } = container;

    public string Path { get; } = path;

    public AnchorName Anchor { get; } = anchor;

    /// <summary>A mapping's key has been read and its value is next.</summary>
    public bool HasKey { get; set; }

    /// <summary>That key, or null when it was not a scalar (already reported; its value is dropped).</summary>
    public ScalarNode? Key { get; set; }

    public Dictionary<string, ScalarNode> Seen { get; } = new(StringComparer.Ordinal);

    /// <summary>Values of <c>&lt;&lt;</c> keys, applied when the mapping ends.</summary>
    public List<Node> Merges { get; } = [];
}
