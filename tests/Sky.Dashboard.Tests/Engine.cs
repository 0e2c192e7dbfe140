using System.Text.Json;
using Sky.Testing;

namespace Sky.Dashboard.Tests;

/// <summary>
/// The docker CLI as an independent witness and a way to make containers print: what the page shows is checked
/// against what the engine says, not against sky's own answers.
/// </summary>
public static class Engine
{
    /// <summary>The full id of the container of that name.</summary>
    public static async Task<string> IdAsync(string container) =>
        (await ProgramRun.CheckedAsync("docker", "inspect", "--format", "{{.Id}}", container)).Trim();

    /// <summary>When the container of that name last started.</summary>
    public static async Task<string> StartedAtAsync(string container) =>
        (await ProgramRun.CheckedAsync("docker", "inspect", "--format", "{{.State.StartedAt}}", container)).Trim();

    /// <summary>The image the container of that name runs, as its configuration named it.</summary>
    public static async Task<string> ImageAsync(string container) =>
        (await ProgramRun.CheckedAsync("docker", "inspect", "--format", "{{.Config.Image}}", container)).Trim();

    /// <summary>
    /// Makes the container print <paramref name="text"/> on its standard output, as its own process would: written to
    /// PID 1's stdout, which is what the engine logs.
    /// </summary>
    public static Task PrintAsync(string container, string text) =>
        ProgramRun.CheckedAsync("docker", "exec", container, "sh", "-c", "printf '%s\\n' \"$1\" > /proc/1/fd/1", "sh", text);

    /// <summary>Runs a shell command whose output goes to the container's standard output.</summary>
    public static Task PrintFromAsync(string container, string command) =>
        ProgramRun.CheckedAsync("docker", "exec", container, "sh", "-c", $"({command}) > /proc/1/fd/1");

    /// <summary>Removes every container, network and volume of a namespace: tests leave nothing behind.</summary>
    public static async Task CleanNamespaceAsync(string ns)
    {
        var filter = $"label=sky.namespace={ns}";
        foreach (var (kind, list, remove) in new[] { ("container", "ps", "rm"), ("network", "ls", "rm"), ("volume", "ls", "rm") })
        {
            string[] listing = kind == "container" ? ["ps", "-aq", "--filter", filter] : [kind, list, "-q", "--filter", filter];
            var ids = (await ProgramRun.CheckedAsync("docker", listing)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (ids.Length > 0)
            {
                string[] removal = kind == "container" ? ["rm", "-f", .. ids] : [kind, remove, "-f", .. ids];
                await ProgramRun.RawAsync("docker", removal);
            }
        }
    }

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
