using System.Text.Json;
using Sky.Testing;

namespace Sky.Cli.Tests;

/// <summary>
/// The docker CLI as an independent witness: tests check what sky did through it, not through sky's own client
/// (a namespace's containers and its cleaning up: <see cref="DockerWitness"/>).
/// </summary>
public static class Docker
{
    public static Task<string> RunAsync(params string[] args) => ProgramRun.CheckedAsync("docker", args);

    public static Task<(int ExitCode, string Output, string Error)> RunRawAsync(params string[] args) => ProgramRun.RawAsync("docker", args);

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
}
