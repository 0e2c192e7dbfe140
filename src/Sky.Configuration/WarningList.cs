using Sky.Configuration.Yaml;

namespace Sky.Configuration;

/// <summary>
/// Collects warnings of every file, the sibling of <see cref="ErrorList"/>: a service's key is checked again for each
/// of its instances, so identical warnings are kept once.
/// </summary>
internal sealed class WarningList
{
    private readonly List<ConfigurationWarning> warnings = [];
    private readonly HashSet<ConfigurationWarning> seen = [];

    public void Add(string file, Node node, string keyPath, string message)
    {
        var warning = new ConfigurationWarning(file, node.Line, node.Column, keyPath, message);
        if (seen.Add(warning))
        {
            this.warnings.Add(warning);
        }
    }

    /// <summary>Warnings by file (in the given order), then by position, as errors are.</summary>
    public IReadOnlyList<ConfigurationWarning> Sorted(IReadOnlyList<string> fileOrder) =>
        Positioned.Sorted(this.warnings, fileOrder, w => (w.File, w.Line, w.Column));
}
