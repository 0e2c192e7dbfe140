using System.Text.Json;
using Sky.Testing;

namespace Sky.Cli.Tests;

/// <summary>
/// The docker CLI as an independent witness: tests check what sky did through it, not through sky's own client.
/// </summary>
public static class Docker
{
    public static Task<string> RunAsync(params string[] args) => ProgramRun.CheckedAsync("docker", args);

    public static Task<(int ExitCode, string Output, string Error)> RunRawAsync(params string[] args) => ProgramRun.RawAsync("docker", args);

    /// <summary>Names of the containers (running or not) of a namespace, sorted.</summary>
    public static async Task<IReadOnlyList<string>> ContainerNamesAsync(string ns, bool runningOnly = false)
    {
        var args = new List<string> { "ps", "--format", "{{.Names}}", "--filter", $"label=sky.namespace={ns}" };
        if (!runningOnly)
        {
            args.Insert(1, "-a");
        }

        var output = await RunAsync([.. args]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
    }

    public static async Task<JsonElement> InspectAsync(string name)
    {
        var output = await RunAsync("inspect", name);
        return JsonDocument.Parse(output).RootElement[0];
    }

    /// <summary>The container as <see cref="InspectAsync"/> gives it, or null when there is none of that name (a replacement may remove it between a listing and this).</summary>
    public static async Task<JsonElement?> InspectIfThereAsync(string name)
    {
        var (exitCode, output, error) = await RunRawAsync("inspect", name);
        if (exitCode != 0 && error.Contains("No such object", StringComparison.Ordinal))
        {
            return null;
        }

        Assert.True(exitCode == 0, $"docker inspect {name} failed ({exitCode}): {error}");
        return JsonDocument.Parse(output).RootElement[0];
    }

    /// <summary>Removes every container, network and volume of a namespace: tests leave nothing behind.</summary>
    public static async Task CleanNamespaceAsync(string ns)
    {
        var filter = $"label=sky.namespace={ns}";
        var containers = (await RunAsync("ps", "-aq", "--filter", filter)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (containers.Length > 0)
        {
            await RunRawAsync(["rm", "-f", .. containers]);
        }

        var networks = (await RunAsync("network", "ls", "-q", "--filter", filter)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (networks.Length > 0)
        {
            await RunRawAsync(["network", "rm", .. networks]);
        }

        var volumes = (await RunAsync("volume", "ls", "-q", "--filter", filter)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (volumes.Length > 0)
        {
            await RunRawAsync(["volume", "rm", "-f", .. volumes]);
        }
    }
}
