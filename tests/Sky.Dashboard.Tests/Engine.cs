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
}
