using System.Text.Json;

namespace Sky.Cli.Tests.Supervision;

/// <summary>What the engine (through the docker CLI) and <c>sky service status</c> say of one container.</summary>
public sealed record ContainerFacts(string? ContainerId, string? Condition, DateTimeOffset? Started, string? Health, int Restarts)
{
    public static async Task<ContainerFacts> ReadAsync(TestDaemon daemon, string service, string name)
    {
        var (exitCode, output, _) = await Docker.RunRawAsync("inspect", name);
        string? id = null;
        string? state = null;
        DateTimeOffset? startedAt = null;
        if (exitCode == 0)
        {
            var root = JsonDocument.Parse(output).RootElement[0];
            id = root.GetProperty("Id").GetString();
            state = root.GetProperty("State").GetProperty("Status").GetString();
            startedAt = root.GetProperty("State").GetProperty("StartedAt").GetDateTimeOffset();
        }

        var status = await daemon.RunAsync("service", "status", service, "--output", "json");
        string? health = null;
        var restarts = 0;
        if (status.ExitCode == 0)
        {
            var container = JsonDocument.Parse(status.Output).RootElement.GetProperty("instances").EnumerateArray()
                .SelectMany(i => i.GetProperty("containers").EnumerateArray())
                .FirstOrDefault(c => c.GetProperty("name").GetString() == name);
            if (container.ValueKind == JsonValueKind.Object)
            {
                health = container.TryGetProperty("health", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
                restarts = container.TryGetProperty("restarts", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt32() : 0;
            }
        }

        return new ContainerFacts(id, state, startedAt, health, restarts);
    }
}
