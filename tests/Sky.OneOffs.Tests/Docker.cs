using Sky.Testing;

namespace Sky.OneOffs.Tests;

/// <summary>The docker CLI as an independent witness: tests check what sky did through it, not through sky's own client.</summary>
public static class Docker
{
    /// <summary>Names of the containers (running or not) of a namespace, sorted.</summary>
    public static async Task<IReadOnlyList<string>> ContainerNamesAsync(string ns)
    {
        var output = await ProgramRun.CheckedAsync("docker", "ps", "-a", "--format", "{{.Names}}", "--filter", $"label=sky.namespace={ns}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Removes every container of a namespace: tests leave nothing behind.</summary>
    public static async Task CleanNamespaceAsync(string ns)
    {
        var containers = (await ProgramRun.CheckedAsync("docker", "ps", "-aq", "--filter", $"label=sky.namespace={ns}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (containers.Length > 0)
        {
            await ProgramRun.RawAsync("docker", ["rm", "-f", .. containers]);
        }
    }
}
