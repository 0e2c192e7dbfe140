using System.Text.RegularExpressions;
using Sky.Configuration.Values;
using Sky.Configuration.Yaml;
using Sky.Model.Metrics;

namespace Sky.Configuration.Reading;

/// <summary>
/// Reads the values of <c>metrics:</c> that are more than a path or a duration: the polling interval, the Graphite
/// prefix, and samlare's ignore and rename rules, whose regular expressions are compiled here so a bad one is an
/// error with its position rather than a poller that fails later.
/// </summary>
internal sealed partial class MetricsReader(ValueReader values)
{
    /// <summary>Polling more often than this would load the application for little news.</summary>
    public static readonly TimeSpan ShortestInterval = TimeSpan.FromSeconds(1);

    private static readonly string[] RenameKeys = ["from", "to"];

    public TimeSpan? Interval(Node node, string path)
    {
        if (values.Duration(node, path) is not { } interval)
        {
            return null;
        }

        if (interval >= ShortestInterval)
        {
            return interval;
        }

        values.Report(node, path, $"'{Durations.Format(interval)}' is too short a polling interval (use {Durations.Format(ShortestInterval)} or more)");
        return null;
    }

    public string? Prefix(Node node, string path)
    {
        if (values.Text(node, path, "a Graphite prefix") is not { } prefix)
        {
            return null;
        }

        if (PrefixPattern().IsMatch(prefix))
        {
            return prefix;
        }

        values.Report(node, path, $"'{prefix}' is not a Graphite prefix (use parts of letters, digits, '_' and '-' joined by dots, such as apps.my-application)");
        return null;
    }

    public IReadOnlyList<string>? Ignore(Node node, string path)
    {
        if (values.ListOrOne(node, path, "a list of regular expressions") is not { } items)
        {
            return null;
        }

        var patterns = items.Select(item => Pattern(item.Node, item.Path)).ToList();
        return patterns.All(p => p is not null) ? patterns.Select(p => p!).ToList() : null;
    }

    public IReadOnlyList<RenameRule>? Rename(Node node, string path)
    {
        if (node is not ListNode list)
        {
            values.Report(node, path, $"expected a list of renames (mappings with from and to), found {node.Describe()}");
            return null;
        }

        var rules = list.Items.Select((item, i) => RenameRule(item, $"{path}[{i}]")).ToList();
        return rules.All(r => r is not null) ? rules.Select(r => r!).ToList() : null;
    }

    private RenameRule? RenameRule(Node node, string path)
    {
        if (values.Map(node, path, "a rename (a mapping with from and to)") is not { } map)
        {
            return null;
        }

        string? from = null;
        string? to = null;
        var ok = true;
        foreach (var (key, value) in map.Entries)
        {
            var keyPath = $"{path}.{key.Value}";
            switch (key.Value)
            {
                case "from":
                    from = Pattern(value, keyPath);
                    ok &= from is not null;
                    break;
                case "to":
                    // Empty is allowed: it deletes what `from` matches.
                    to = values.Text(value, keyPath, "the replacement text");
                    ok &= to is not null;
                    break;
                default:
                    values.Report(key, keyPath, $"unknown key '{key.Value}'{Suggestions.Hint(key.Value, RenameKeys)}");
                    ok = false;
                    break;
            }
        }

        if (map.Find("from") is null || map.Find("to") is null)
        {
            values.Report(map, path, "a rename needs from: REGEX and to: TEXT");
            return null;
        }

        return ok ? new RenameRule(from!, to!) : null;
    }

    /// <summary>A regular expression as .NET reads it; what .NET says is wrong with one is the error.</summary>
    private string? Pattern(Node node, string path)
    {
        if (values.Text(node, path, "a regular expression") is not { } pattern)
        {
            return null;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return pattern;
        }
        catch (ArgumentException e)
        {
            values.Report(node, path, $"'{pattern}' is not a regular expression: {e.Message}");
            return null;
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$")]
    private static partial Regex PrefixPattern();
}
