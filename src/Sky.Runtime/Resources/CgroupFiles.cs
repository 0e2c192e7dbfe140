using System.Globalization;

namespace Sky.Runtime.Resources;

/// <summary>
/// Reads one container's counters from the kernel's files, as <c>docker stats</c> does inside the engine, without a
/// request to it: its cgroups (v1: <c>cpuacct</c>, <c>memory</c>, <c>blkio</c>; v2: the unified folder) found from
/// <c>/proc/PID/cgroup</c>, and the network of its namespace from <c>/proc/PID/net/dev</c>. A few small reads per
/// container, which is what lets 300 containers be sampled every 10 s for well under 1 % of a core.
/// </summary>
internal sealed class CgroupFiles
{
    private const string Root = "/sys/fs/cgroup";

    private readonly int pid;
    private readonly string? cpuFolder;
    private readonly string? memoryFolder;
    private readonly string? blkioFolder;
    private readonly string? unifiedFolder;
    private readonly long hostMemory;

    private CgroupFiles(int pid, IReadOnlyDictionary<string, string> paths, long hostMemory)
    {
        this.pid = pid;
        this.hostMemory = hostMemory;
        cpuFolder = Folder(paths, "cpuacct");
        memoryFolder = Folder(paths, "memory");
        blkioFolder = Folder(paths, "blkio");
        unifiedFolder = paths.TryGetValue("", out var unified) && File.Exists(Path.Combine(Root + unified, "cpu.stat")) ? Root + unified : null;
    }

    /// <summary>The files of the container whose first process is <paramref name="pid"/>, when this machine has them and they are that container's.</summary>
    public static CgroupFiles? Find(string containerId, int pid, long hostMemory)
    {
        if (pid <= 0)
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/cgroup");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var paths = CgroupPaths.Parse(text);
        // The PID is the engine's view; in another PID namespace (sky itself in a container) it is someone else.
        if (!paths.Values.Any(p => p.Contains(containerId, StringComparison.Ordinal)))
        {
            return null;
        }

        var files = new CgroupFiles(pid, paths, hostMemory);
        return files.cpuFolder is not null || files.unifiedFolder is not null ? files : null;
    }

    /// <summary>The counters now; null when the container's files are gone (it stopped, or was restarted with a new PID).</summary>
    public ResourceUsage? Read(DateTimeOffset now)
    {
        try
        {
            var (received, sent) = CgroupCounters.NetworkBytes(File.ReadAllText($"/proc/{pid}/net/dev"));
            var usage = unifiedFolder is not null && cpuFolder is null ? ReadUnified(now) : ReadV1(now);
            return usage with { NetworkReceivedBytes = received, NetworkSentBytes = sent };
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private ResourceUsage ReadV1(DateTimeOffset now)
    {
        var memoryStat = CgroupCounters.KeyValues(File.ReadAllText(Path.Combine(memoryFolder!, "memory.stat")));
        var usage = Number(File.ReadAllText(Path.Combine(memoryFolder!, "memory.usage_in_bytes")));
        var limit = Number(File.ReadAllText(Path.Combine(memoryFolder!, "memory.limit_in_bytes")));
        var (read, written) = blkioFolder is null
            ? (0, 0)
            : CgroupCounters.BlkioBytes(File.ReadAllText(Path.Combine(blkioFolder, "blkio.throttle.io_service_bytes")));
        return new ResourceUsage
        {
            Time = now,
            CpuNanoseconds = Number(File.ReadAllText(Path.Combine(cpuFolder!, "cpuacct.usage"))),
            MemoryBytes = Math.Max(0, usage - memoryStat.GetValueOrDefault("total_inactive_file")),
            MemoryLimitBytes = Limit(limit),
            BlockReadBytes = read,
            BlockWrittenBytes = written,
        };
    }

    private ResourceUsage ReadUnified(DateTimeOffset now)
    {
        var cpu = CgroupCounters.KeyValues(File.ReadAllText(Path.Combine(unifiedFolder!, "cpu.stat")));
        var memoryStat = CgroupCounters.KeyValues(File.ReadAllText(Path.Combine(unifiedFolder!, "memory.stat")));
        var usage = Number(File.ReadAllText(Path.Combine(unifiedFolder!, "memory.current")));
        var max = File.ReadAllText(Path.Combine(unifiedFolder!, "memory.max")).Trim();
        var (read, written) = CgroupCounters.IoStatBytes(File.ReadAllText(Path.Combine(unifiedFolder!, "io.stat")));
        return new ResourceUsage
        {
            Time = now,
            CpuNanoseconds = cpu.GetValueOrDefault("usage_usec") * 1000,
            MemoryBytes = Math.Max(0, usage - memoryStat.GetValueOrDefault("inactive_file")),
            MemoryLimitBytes = max == "max" ? hostMemory : Limit(Number(max)),
            BlockReadBytes = read,
            BlockWrittenBytes = written,
        };
    }

    /// <summary>cgroup v1 says "no limit" with a number near 2^63: the host's memory is the real ceiling.</summary>
    private long Limit(long limit) => limit <= 0 || limit >= hostMemory ? hostMemory : limit;

    private static string? Folder(IReadOnlyDictionary<string, string> paths, string controller)
    {
        if (!paths.TryGetValue(controller, out var path))
        {
            return null;
        }

        var folder = Root + "/" + controller + path;
        return Directory.Exists(folder) ? folder : null;
    }

    private static long Number(string text) => long.Parse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
}
