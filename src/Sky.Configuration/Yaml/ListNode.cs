namespace Sky.Configuration.Yaml;

/// <summary>A YAML sequence.</summary>
internal sealed class ListNode(int line, int column) : Node(line, column)
{
    public List<Node> Items { get; } = [];

    public override string Describe() => "a list";
}
