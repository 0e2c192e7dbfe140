namespace Sky.Configuration.Yaml;

/// <summary>A YAML mapping, entries in the order written (duplicates already dropped and reported).</summary>
internal sealed class MapNode(int line, int column) : Node(line, column)
{
    public List<MapEntry> Entries { get; } = [];

    public MapEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);

    public override string Describe() => "a mapping";
}
