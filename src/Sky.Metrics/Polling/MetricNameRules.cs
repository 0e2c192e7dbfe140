using System.Text.RegularExpressions;

namespace Sky.Metrics.Polling;

/// <summary>
/// A service's <c>ignore</c> and <c>rename</c> rules, compiled once and applied to every dotted name a poll reads, in
/// samlare's order: a name that an ignore pattern matches is dropped before any rename, so ignore patterns are written
/// against the names the application publishes; then every rename rule, in the order written, rewrites what the one
/// before it left.
/// </summary>
/// <remarks>
/// Patterns run on the non-backtracking engine: they come from a service's file and run on every name of every poll
/// inside the daemon, where a pattern with catastrophic backtracking must not be able to stall the polling of every
/// other service. The price is that lookarounds and backreferences are refused when the settings are checked.
/// </remarks>
public sealed class MetricNameRules
{
    public static readonly MetricNameRules None = new([], []);

    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    private readonly Regex[] ignore;
    private readonly (Regex From, string To)[] renames;

    private MetricNameRules(Regex[] ignore, (Regex From, string To)[] renames)
    {
        this.ignore = ignore;
        this.renames = renames;
    }

    /// <summary>Compiles the rules; call <see cref="Check"/> first, since a bad pattern throws here.</summary>
    public static MetricNameRules Create(IReadOnlyList<string> ignore, IReadOnlyList<MetricRename> renames)
    {
        var problems = Check(ignore, renames);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        return new MetricNameRules(
            [.. ignore.Select(pattern => new Regex(pattern, Options))],
            [.. renames.Select(rename => (new Regex(rename.From, Options), rename.To))]);
    }

    /// <summary>What is wrong with the patterns, one sentence each; empty when all of them compile.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<string> ignore, IReadOnlyList<MetricRename> renames)
    {
        var problems = new List<string>();
        foreach (var pattern in ignore)
        {
            if (ProblemWith(pattern) is { } problem)
            {
                problems.Add($"ignore: {problem}");
            }
        }

        foreach (var rename in renames)
        {
            if (rename.From.Length == 0)
            {
                problems.Add($"rename: an empty 'from' matches every name; write the part of the name to replace (to '{rename.To}')");
            }
            else if (ProblemWith(rename.From) is { } problem)
            {
                problems.Add($"rename: 'from' {problem}");
            }
        }

        return problems;
    }

    /// <summary>The name to publish, or null when an ignore rule drops it or renaming leaves nothing of it.</summary>
    public string? Apply(string name)
    {
        foreach (var pattern in ignore)
        {
            if (pattern.IsMatch(name))
            {
                return null;
            }
        }

        foreach (var (from, to) in renames)
        {
            name = from.Replace(name, to);
        }

        return name.Length == 0 ? null : name;
    }

    private static string? ProblemWith(string pattern)
    {
        try
        {
            _ = new Regex(pattern, Options);
            return null;
        }
        catch (RegexParseException e)
        {
            return $"'{pattern}' is not a regular expression: {e.Message}";
        }
        catch (NotSupportedException)
        {
            return $"'{pattern}' uses a lookaround, a backreference or an atomic group, which sky does not run (it runs every pattern in linear time)";
        }
    }
}
