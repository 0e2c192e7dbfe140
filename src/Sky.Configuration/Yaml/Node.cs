namespace Sky.Configuration.Yaml;

/// <summary>
/// A YAML node with its position. sky reads YAML into its own small tree rather than YamlDotNet's, because
/// that one stops at the first duplicate key and we want to report duplicates with both positions and go on.
/// </summary>
internal abstract class Node(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>What was found, in the words of a "expected X, found Y" message.</summary>
    public abstract string Describe();
}
