using Sky.Configuration.Reading;
using Sky.Configuration.Values;
using Sky.Configuration.Yaml;

namespace Sky.Api.Settings;

/// <summary>
/// Reads a mapping whose keys are known in advance, each with its own reader; unknown keys are reported with a
/// did-you-mean. A new setting is one more line in the table of its section.
/// </summary>
internal static class SettingsKeys
{
    public static MapNode? Read(ValueReader values, Node node, string path, string expected, IReadOnlyList<(string Key, Action<Node, string> Read)> keys)
    {
        if (node is ScalarNode { IsNull: true } && path.Length == 0)
        {
            // An empty file: every default.
            return null;
        }

        if (values.Map(node, path, expected) is not { } map)
        {
            return null;
        }

        foreach (var (key, value) in map.Entries)
        {
            var keyPath = path.Length == 0 ? key.Value : $"{path}.{key.Value}";
            var known = keys.FirstOrDefault(k => k.Key == key.Value);
            if (known.Read is null)
            {
                values.Report(key, keyPath, $"unknown key '{key.Value}'{Suggestions.Hint(key.Value, keys.Select(k => k.Key))}");
                continue;
            }

            known.Read(value, keyPath);
        }

        return map;
    }
}
