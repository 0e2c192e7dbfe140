using Sky.Configuration.Yaml;

namespace Sky.Configuration;

/// <summary>
/// Collects errors of every file. The same node can be looked at more than once (an inherited key is
/// resolved for each instance), so identical errors are kept once.
/// </summary>
internal sealed class ErrorList
{
    private readonly List<ConfigurationError> errors = [];
    private readonly HashSet<ConfigurationError> seen = [];

    public int Count => this.errors.Count;

    public void Add(string file, int line, int column, string keyPath, string message)
    {
        var error = new ConfigurationError(file, line, column, keyPath, message);
        if (seen.Add(error))
        {
            this.errors.Add(error);
        }
    }

    public void Add(string file, Node node, string keyPath, string message) =>
        Add(file, node.Line, node.Column, keyPath, message);

    /// <summary>Errors by file (in the given order), then by position, so they read top to bottom.</summary>
    public IReadOnlyList<ConfigurationError> Sorted(IReadOnlyList<string> fileOrder) =>
        Positioned.Sorted(this.errors, fileOrder, e => (e.File, e.Line, e.Column));
}
