using System.Globalization;
using Sky.Configuration.Values;
using Sky.Configuration.Yaml;
using Sky.Model;

namespace Sky.Configuration.Reading;

/// <summary>
/// Reads single values of one file, reporting what is wrong with each. Every method returns null after
/// reporting, so a caller simply leaves the key unset and goes on to the next one.
/// </summary>
internal sealed class ValueReader(string file, ErrorList errors)
{
    public string File { get; } = file;

    public void Report(Node node, string path, string message) => errors.Add(File, node, path, message);

    public ScalarNode? Scalar(Node node, string path, string expected)
    {
        if (node is ScalarNode { IsNull: false } scalar)
        {
            return scalar;
        }

        Report(node, path, $"expected {expected}, found {node.Describe()}");
        return null;
    }

    public string? Text(Node node, string path, string expected) => Scalar(node, path, expected)?.Value;

    public MapNode? Map(Node node, string path, string expected)
    {
        if (node is MapNode map)
        {
            return map;
        }

        Report(node, path, $"expected {expected}, found {node.Describe()}");
        return null;
    }

    /// <summary>A list, or one scalar standing for a list of one (<c>requires: database</c>).</summary>
    public IReadOnlyList<(Node Node, string Path)>? ListOrOne(Node node, string path, string expected)
    {
        switch (node)
        {
            case ListNode list:
                return list.Items.Select((item, i) => (item, $"{path}[{i}]")).ToList();
            case ScalarNode { IsNull: false }:
                return [(node, path)];
            default:
                Report(node, path, $"expected {expected}, found {node.Describe()}");
                return null;
        }
    }

    public int? Port(Node node, string path)
    {
        if (Text(node, path, "a port") is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
        {
            return port;
        }

        Report(node, path, $"'{text}' is not a port (use a number from 1 to 65535)");
        return null;
    }

    public IReadOnlyList<int>? Ports(Node node, string path)
    {
        if (ListOrOne(node, path, "a list of ports") is not { } items)
        {
            return null;
        }

        var ports = new List<int>();
        var ok = true;
        foreach (var (item, itemPath) in items)
        {
            var port = Port(item, itemPath);
            if (port is null)
            {
                ok = false;
            }
            else if (ports.Contains(port.Value))
            {
                Report(item, itemPath, $"port {port} is listed twice");
                ok = false;
            }
            else
            {
                ports.Add(port.Value);
            }
        }

        return ok ? ports : null;
    }

    public long? Size(Node node, string path)
    {
        if (Text(node, path, "a size") is not { } text)
        {
            return null;
        }

        if (Sizes.TryParse(text, out var bytes))
        {
            return bytes;
        }

        Report(node, path, $"'{text}' is not a size {Sizes.Hint}");
        return null;
    }

    public TimeSpan? Duration(Node node, string path, bool allowZero = false)
    {
        if (Text(node, path, "a duration") is not { } text)
        {
            return null;
        }

        if (Durations.TryParse(text, out var duration) && (allowZero || duration > TimeSpan.Zero))
        {
            return duration;
        }

        Report(node, path, $"'{text}' is not a duration {Durations.Hint}");
        return null;
    }

    public double? Cpus(Node node, string path)
    {
        if (Text(node, path, "a number of CPUs") is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cpus) && cpus > 0 && double.IsFinite(cpus))
        {
            return cpus;
        }

        Report(node, path, $"'{text}' is not a number of CPUs (use a number above 0 such as 0.5 or 2)");
        return null;
    }

    /// <summary>A whole number of at least one (<c>replicas</c>, <c>retries</c>), and at most <paramref name="max"/> when given.</summary>
    public int? AtLeastOne(Node node, string path, string what, int? max = null)
    {
        if (Text(node, path, $"a number of {what}") is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= (max ?? int.MaxValue))
        {
            return value;
        }

        Report(node, path, $"'{text}' is not a number of {what} ({(max is null ? "use 1 or more" : $"use 1 to {max}")})");
        return null;
    }

    public bool? Bool(Node node, string path)
    {
        if (Text(node, path, "true or false") is not { } text)
        {
            return null;
        }

        // YAML 1.1 and 1.2 spellings alike, since people write both.
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Report(node, path, $"'{text}' is not true or false");
                return null;
        }
    }

    public RestartPolicy? Restart(Node node, string path)
    {
        if (Text(node, path, "a restart policy") is not { } text)
        {
            return null;
        }

        if (RestartPolicies.TryParse(text, out var policy))
        {
            return policy;
        }

        Report(node, path, $"'{text}' is not a restart policy {RestartPolicies.Hint}");
        return null;
    }

    /// <summary>Any finite number, negative or with decimals (an alert's threshold: <c>-3</c>, <c>0.5</c>).</summary>
    public double? Number(Node node, string path, string what)
    {
        if (Text(node, path, what) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Report(node, path, $"'{text}' is not {what} (use a number such as 5, 0.5 or -3)");
        return null;
    }

    /// <summary>
    /// A share above 0 and at most 1, written as a percentage (<c>50%</c>) or a fraction (<c>0.5</c>); from 0 with
    /// <paramref name="allowZero"/> (a rollout's <c>min-healthy: 0%</c> may take every replica down).
    /// </summary>
    public double? Ratio(Node node, string path, string what, bool allowZero = false)
    {
        if (Text(node, path, what) is not { } text)
        {
            return null;
        }

        var percent = text.EndsWith('%');
        var number = percent ? text[..^1].TrimEnd() : text;
        if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            var ratio = percent ? value / 100 : value;
            if ((allowZero ? ratio >= 0 : ratio > 0) && ratio <= 1)
            {
                return ratio;
            }
        }

        var range = allowZero ? "from 0 to 1" : "above 0 and at most 1";
        Report(node, path, $"'{text}' is not {what} (use a share {range}, such as 50% or 0.5)");
        return null;
    }

    /// <summary>A whole percentage from 1 to 100, with or without its '%'.</summary>
    public int? Percent(Node node, string path, string what)
    {
        if (Text(node, path, what) is not { } text)
        {
            return null;
        }

        var number = text.EndsWith('%') ? text[..^1].TrimEnd() : text;
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 100)
        {
            return value;
        }

        Report(node, path, $"'{text}' is not {what} (use a whole number from 1 to 100)");
        return null;
    }

    /// <summary>One of a few words (<c>missed</c>, <c>overlap</c>).</summary>
    public T? Choice<T>(Node node, string path, string what, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        if (Text(node, path, what) is not { } text)
        {
            return null;
        }

        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }

        var words = choices.Keys.ToList();
        var list = words.Count == 1 ? words[0] : $"{string.Join(", ", words.Take(words.Count - 1))} or {words[^1]}";
        Report(node, path, $"'{text}' is not {what} (use {list})");
        return null;
    }

    public IReadOnlyDictionary<string, string>? Env(Node node, string path)
    {
        if (Map(node, path, "a mapping of environment variables") is not { } map)
        {
            return null;
        }

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            var valuePath = $"{path}.{key.Value}";
            if (key.Value.Length == 0 || key.Value.Contains('=', StringComparison.Ordinal) || key.Value.Any(char.IsWhiteSpace))
            {
                Report(key, valuePath, $"'{key.Value}' is not an environment variable name (no '=' or spaces)");
                continue;
            }

            switch (value)
            {
                case ScalarNode { IsNull: true }:
                    Report(key, valuePath, $"'{key.Value}' has no value (write {key.Value}: \"\" for an empty one)");
                    break;
                case ScalarNode scalar:
                    // Any scalar becomes its text as written: 8080, true and 1.0 all arrive as such.
                    env[key.Value] = scalar.Value;
                    break;
                default:
                    Report(value, valuePath, $"expected a value for '{key.Value}', found {value.Describe()}");
                    break;
            }
        }

        return env;
    }

    /// <summary>A string runs through <c>/bin/sh -c</c>; a list is the exec form as is.</summary>
    public IReadOnlyList<string>? Command(Node node, string path)
    {
        switch (node)
        {
            case ScalarNode { IsNull: false } scalar when scalar.Value.Trim().Length > 0:
                return ["/bin/sh", "-c", scalar.Value];
            case ListNode list when list.Items.Count > 0:
                var parts = new List<string>();
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (Text(list.Items[i], $"{path}[{i}]", "a word of the command") is not { } part)
                    {
                        return null;
                    }

                    parts.Add(part);
                }

                return parts;
            case ScalarNode { IsNull: false } or ListNode:
                Report(node, path, "the command is empty");
                return null;
            default:
                Report(node, path, $"expected a command (a string or a list of strings), found {node.Describe()}");
                return null;
        }
    }
}
