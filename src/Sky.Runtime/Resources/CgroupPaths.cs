namespace Sky.Runtime.Resources;

/// <summary>Reads <c>/proc/PID/cgroup</c>: each controller's path (v1), and the unified path under the key "" (v2).</summary>
internal static class CgroupPaths
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // hierarchy-id:controller-list:path, the path itself may hold colons
            var parts = line.Split(':', 3);
            if (parts.Length != 3)
            {
                continue;
            }

            foreach (var controller in parts[1].Split(','))
            {
                paths[controller] = parts[2];
            }
        }

        return paths;
    }
}
