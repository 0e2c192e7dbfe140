using System.Text.Json;
using System.Text.Json.Nodes;
using Sky.Model;

namespace Sky.Supervisor.Revisions;

/// <summary>
/// The keys that differ between two resolved entries, a line each, as people read a plan:
/// <c>production/my-application-production.image: "app:1.0" -> "app:1.1"</c>. Lists of named things (instances,
/// containers, checks...) are compared by name, so a new instance is one line and not a shifted list. Pure.
/// </summary>
public static class SpecDiff
{
    private const int LongestValue = 80;

    // Where an entry was written and the hash derived from everything else (a property, and the label that carries it)
    // are no change of their own.
    private static readonly HashSet<string> Ignored = ["source", "configHash", Sky.Model.SkyLabels.ConfigHash];

    // Lists whose members are named: the name stands in the path for the list's own key.
    private static readonly HashSet<string> NamedLists = ["instances", "containers"];

    public static IReadOnlyList<string> Between<T>(T before, T after)
    {
        var lines = new List<string>();
        Walk("", Node(before), Node(after), lines);
        return lines;
    }

    /// <summary>
    /// An entry in <see cref="SpecJson"/>'s shape, written as the type it is: a rollback compares a service or an
    /// instance it holds as an <c>object</c>.
    /// </summary>
    private static JsonNode? Node(object? entry) =>
        entry is null ? null : JsonSerializer.SerializeToNode(entry, SpecJson.Options.GetTypeInfo(entry.GetType()));

    private static void Walk(string path, JsonNode? before, JsonNode? after, List<string> lines)
    {
        if (JsonNode.DeepEquals(before, after))
        {
            return;
        }

        if (before is JsonObject earlier && after is JsonObject later)
        {
            foreach (var key in earlier.Select(p => p.Key).Concat(later.Select(p => p.Key).Where(k => !earlier.ContainsKey(k))).Where(k => !Ignored.Contains(k)))
            {
                var child = NamedLists.Contains(key) ? path : Join(path, key);
                Walk(child, earlier[key], later[key], lines);
            }

            return;
        }

        if (ByName(before) is { } earlierItems && ByName(after) is { } laterItems)
        {
            foreach (var name in earlierItems.Keys.Concat(laterItems.Keys.Where(k => !earlierItems.ContainsKey(k))))
            {
                Walk(path.Length == 0 ? name : $"{path}/{name}", earlierItems.GetValueOrDefault(name), laterItems.GetValueOrDefault(name), lines);
            }

            return;
        }

        var where = path.Length == 0 ? "" : $"{path}: ";
        lines.Add(before is null ? $"{where}added {Render(after)}"
            : after is null ? $"{where}removed (was {Render(before)})"
            : $"{where}{Render(before)} -> {Render(after)}");
    }

    /// <summary>A list whose every member has a distinct name, keyed by it; null for any other value.</summary>
    private static Dictionary<string, JsonNode>? ByName(JsonNode? node)
    {
        if (node is not JsonArray list)
        {
            return null;
        }

        var named = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (item is not JsonObject member || member["name"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || !named.TryAdd(value.GetValue<string>(), member))
            {
                return null;
            }
        }

        return named;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Render(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= LongestValue ? text : text[..(LongestValue - 3)] + "...";
    }
}
