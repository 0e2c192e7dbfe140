using YamlDotNet.Core;

namespace Sky.Configuration.Yaml;

/// <summary>A scalar as written: its raw text, so <c>1.0</c> stays "1.0" and <c>no</c> stays "no".</summary>
internal sealed class ScalarNode(int line, int column, string value, ScalarStyle style, string? tag) : Node(line, column)
{
    public string Value { get; } = value;

    public bool IsPlain { get; } = style is ScalarStyle.Plain or ScalarStyle.Any;

    public string? Tag { get; } = tag;

    /// <summary>YAML's null: an empty or <c>~</c>/<c>null</c> plain scalar without a tag, or an explicit !!null.</summary>
    public bool IsNull =>
        Tag == "tag:yaml.org,2002:null"
        || (IsPlain && Tag is null && Value is "" or "~" or "null" or "Null" or "NULL");

    public override string Describe() => IsNull ? "nothing" : $"'{Value}'";
}
