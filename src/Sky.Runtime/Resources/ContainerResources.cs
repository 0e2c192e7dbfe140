using System.Collections.Concurrent;
using System.Globalization;
using static Sky.Runtime.DockerQuery;

namespace Sky.Runtime.Resources;

/// <summary>
/// Reads containers' resource counters: from the kernel's files when this machine holds them (found once per
/// container and PID, then a few file reads per sample), through the engine's one-shot stats otherwise. Measured here
/// (bench/footprint.sh): the files cost a fraction of the engine's answer, which spends tens of milliseconds of the
/// engine's own CPU per container.
/// </summary>
internal sealed class ContainerResources(DockerHttpClient client)
{
    private readonly ConcurrentDictionary<string, CgroupFiles?> files = new(StringComparer.Ordinal);
    private readonly Lazy<long> hostMemory = new(ReadHostMemory);

    public async Task<ResourceUsage?> ReadAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (files.TryGetValue(id, out var known))
        {
            if (known is null)
            {
                return await ReadFromEngineAsync(id, now, cancellationToken);
            }

            if (known.Read(now) is { } fast)
            {
                return fast;
            }
        }

        // First sight, or the files went away (a restart gives a new PID): look again, then read.
        var found = await FindAsync(id, cancellationToken);
        if (found is null)
        {
            Forget(id);
            return null;
        }

        files.AddOrUpdate(id, found.Files, (_, old) =>
        {
            old?.Dispose();
            return found.Files;
        });
        return found.Files?.Read(now) ?? await ReadFromEngineAsync(id, now, cancellationToken);
    }

    /// <summary>The container is gone: its files are closed.</summary>
    public void Forget(string id)
    {
        if (files.TryRemove(id, out var old))
        {
            old?.Dispose();
        }
    }

    private async Task<Found?> FindAsync(string id, CancellationToken cancellationToken)
    {
        using var inspect = await client.GetJsonAsync($"/containers/{Segment(id)}/json", cancellationToken, notFoundIsNull: true);
        if (inspect is null)
        {
            return null;
        }

        var details = EngineJsonMapper.ToDetails(inspect.RootElement);
        if (details.State != Sky.Model.ContainerState.Running)
        {
            return null;
        }

        return new Found(CgroupFiles.Find(details.Id, details.Pid, hostMemory.Value));
    }

    private async Task<ResourceUsage?> ReadFromEngineAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var stats = await client.GetJsonAsync($"/containers/{Segment(id)}/stats?stream=false&one-shot=true", cancellationToken, notFoundIsNull: true);
        return stats is null ? null : EngineStats.ToUsage(stats.RootElement, now);
    }

    private static long ReadHostMemory()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
                {
                    var kilobytes = line["MemTotal:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim();
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return long.MaxValue;
    }

    private sealed record Found(CgroupFiles? Files);
}
