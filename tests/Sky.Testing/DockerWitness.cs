namespace Sky.Testing;

/// <summary>
/// The docker CLI as an independent witness of a namespace: tests check what sky did through it, not through sky's own
/// client, and leave nothing of theirs behind.
/// </summary>
public static class DockerWitness
{
    /// <summary>Names of the containers of a namespace (running or not, unless <paramref name="runningOnly"/>), sorted.</summary>
    public static async Task<IReadOnlyList<string>> ContainerNamesAsync(string ns, bool runningOnly = false)
    {
        var args = new List<string> { "ps", "--format", "{{.Names}}", "--filter", $"label=sky.namespace={ns}" };
        if (!runningOnly)
        {
            args.Insert(1, "-a");
        }

        var output = await ProgramRun.CheckedAsync("docker", [.. args]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Removes every container, network and volume of a namespace.</summary>
    public static async Task CleanNamespaceAsync(string ns)
    {
        var filter = $"label=sky.namespace={ns}";
        var containers = await IdsAsync("ps", "-aq", "--filter", filter);
        if (containers.Length > 0)
        {
            await ProgramRun.RawAsync("docker", ["rm", "-f", .. containers]);
        }

        foreach (var kind in new[] { "network", "volume" })
        {
            var ids = await IdsAsync(kind, "ls", "-q", "--filter", filter);
            if (ids.Length > 0)
            {
                await ProgramRun.RawAsync("docker", [kind, "rm", "-f", .. ids]);
            }
        }
    }

    private static async Task<string[]> IdsAsync(params string[] listing) =>
        (await ProgramRun.CheckedAsync("docker", listing)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
