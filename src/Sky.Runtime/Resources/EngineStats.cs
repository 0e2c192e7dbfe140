using System.Text.Json;

namespace Sky.Runtime.Resources;

/// <summary>
/// A container's counters from the engine's one-shot stats (<c>GET /containers/ID/stats?stream=false&amp;one-shot=true</c>):
/// what sky reads when the kernel's files are not on this machine (a remote engine) or not that container's.
/// </summary>
internal static class EngineStats
{
    public static ResourceUsage? ToUsage(JsonElement root, DateTimeOffset now)
    {
        if (root.Child("cpu_stats") is not { } cpu || root.Child("memory_stats") is not { } memory)
        {
            return null;
        }

        var stats = memory.Child("stats");
        // cgroup v1 names the reclaimable page cache total_inactive_file, v2 inactive_file: Docker's CLI takes whichever there is.
        var inactive = stats is { } named ? (named.Child("total_inactive_file") is not null ? named.Int64("total_inactive_file") : named.Int64("inactive_file")) : 0;
        long received = 0, sent = 0;
        if (root.Child("networks") is { ValueKind: JsonValueKind.Object } networks)
        {
            foreach (var network in networks.EnumerateObject())
            {
                received += network.Value.Int64("rx_bytes");
                sent += network.Value.Int64("tx_bytes");
            }
        }

        long read = 0, written = 0;
        if (root.Child("blkio_stats")?.Child("io_service_bytes_recursive") is { ValueKind: JsonValueKind.Array } entries)
        {
            foreach (var entry in entries.EnumerateArray())
            {
                var op = entry.String("op");
                var value = entry.Int64("value");
                if (string.Equals(op, "read", StringComparison.OrdinalIgnoreCase))
                {
                    read += value;
                }
                else if (string.Equals(op, "write", StringComparison.OrdinalIgnoreCase))
                {
                    written += value;
                }
            }
        }

        return new ResourceUsage
        {
            Time = now,
            CpuNanoseconds = cpu.Child("cpu_usage")?.Int64("total_usage") ?? 0,
            MemoryBytes = Math.Max(0, memory.Int64("usage") - inactive),
            MemoryLimitBytes = memory.Int64("limit"),
            NetworkReceivedBytes = received,
            NetworkSentBytes = sent,
            BlockReadBytes = read,
            BlockWrittenBytes = written,
            Source = "engine",
        };
    }
}
