using Microsoft.Win32.SafeHandles;

namespace Sky.Runtime.Resources;

/// <summary>
/// Reads one container's counters from the kernel's files, as <c>docker stats</c> does inside the engine, without a
/// request to it: its cgroups (v1: <c>cpuacct</c>, <c>memory</c>, <c>blkio</c>; v2: the unified folder) found from
/// <c>/proc/PID/cgroup</c>, and the network of its namespace from <c>/proc/PID/net/dev</c>. A few small reads per
/// container, which is what lets 300 containers be sampled every 10 s for well under 1 % of a core.
/// </summary>
internal sealed class CgroupFiles : IDisposable
{
    private const string Root = "/sys/fs/cgroup";

    // Opened once per container start and read from their start at each sample (the kernel writes them anew): the
    // path lookups, opens and closes were most of the sampler's time. Null: this machine has no such cgroup for it.
    // The network file too (opening /proc/PID/net/dev by its path was 12 % of the idle daemon's CPU with 300
    // containers, bench/RESULTS.md): it holds the network namespace of the process it was opened for, so it must not
    // outlive that process. It does not: when the container stops or restarts, its cgroup folder is removed, the
    // cgroup files' next read fails, and the caller disposes of these files and finds the new process's.
    private readonly SafeFileHandle networkFile;
    private readonly bool unified;
    private readonly SafeFileHandle? cpuFile;
    private readonly SafeFileHandle? memoryStatFile;
    private readonly SafeFileHandle? memoryUsageFile;
    private readonly SafeFileHandle? ioFile;

    // The limit changes only with `docker update`; read once, not every sample (sky itself replaces a container to change it).
    private readonly long memoryLimit;

    private CgroupFiles(int pid, IReadOnlyDictionary<string, string> paths, long hostMemory)
    {
        networkFile = Open($"/proc/{pid}/net/dev");
        var cpuFolder = Folder(paths, "cpuacct");
        var memoryFolder = Folder(paths, "memory");
        var blkioFolder = Folder(paths, "blkio");
        var unifiedFolder = paths.TryGetValue("", out var path) && File.Exists(Path.Combine(Root + path, "cpu.stat")) ? Root + path : null;
        try
        {
            if (cpuFolder is not null && memoryFolder is not null)
            {
                memoryLimit = Limit(CgroupCounters.Number(KernelText.ReadBytes(Path.Combine(memoryFolder, "memory.limit_in_bytes"))), hostMemory);
                cpuFile = Open(Path.Combine(cpuFolder, "cpuacct.usage"));
                memoryStatFile = Open(Path.Combine(memoryFolder, "memory.stat"));
                memoryUsageFile = Open(Path.Combine(memoryFolder, "memory.usage_in_bytes"));
                ioFile = blkioFolder is null ? null : Open(Path.Combine(blkioFolder, "blkio.throttle.io_service_bytes"));
            }
            else if (unifiedFolder is not null)
            {
                unified = true;
                var max = KernelText.Read(Path.Combine(unifiedFolder, "memory.max")).Trim();
                memoryLimit = max == "max" ? hostMemory : Limit(CgroupCounters.Number(System.Text.Encoding.ASCII.GetBytes(max)), hostMemory);
                cpuFile = Open(Path.Combine(unifiedFolder, "cpu.stat"));
                memoryStatFile = Open(Path.Combine(unifiedFolder, "memory.stat"));
                memoryUsageFile = Open(Path.Combine(unifiedFolder, "memory.current"));
                ioFile = Open(Path.Combine(unifiedFolder, "io.stat"));
            }
        }
        catch
        {
            // A file that could not be opened: the ones that were are closed now, not when the finalizer runs.
            Dispose();
            throw;
        }
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
            text = KernelText.Read($"/proc/{pid}/cgroup");
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

        try
        {
            var files = new CgroupFiles(pid, paths, hostMemory);
            if (files.cpuFile is not null)
            {
                return files;
            }

            files.Dispose();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The counters now; null when the container's files are gone (it stopped, or was restarted with a new PID).</summary>
    public ResourceUsage? Read(DateTimeOffset now)
    {
        try
        {
            // The cgroup files first: a read of them fails once the process is gone, where the network file would still
            // answer with the old namespace's counters.
            var usage = unified ? ReadUnified(now) : ReadV1(now);
            var (received, sent) = CgroupCounters.NetworkBytes(KernelText.ReadBytes(networkFile));
            return usage with { NetworkReceivedBytes = received, NetworkSentBytes = sent };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        networkFile.Dispose();
        cpuFile?.Dispose();
        memoryStatFile?.Dispose();
        memoryUsageFile?.Dispose();
        ioFile?.Dispose();
    }

    private ResourceUsage ReadV1(DateTimeOffset now)
    {
        var inactiveFile = CgroupCounters.KeyValue(KernelText.ReadBytes(memoryStatFile!), "total_inactive_file"u8);
        var usage = CgroupCounters.Number(KernelText.ReadBytes(memoryUsageFile!));
        var (read, written) = ioFile is null ? (0, 0) : CgroupCounters.BlkioBytes(KernelText.ReadBytes(ioFile));
        return new ResourceUsage
        {
            Time = now,
            CpuNanoseconds = CgroupCounters.Number(KernelText.ReadBytes(cpuFile!)),
            MemoryBytes = Math.Max(0, usage - inactiveFile),
            MemoryLimitBytes = memoryLimit,
            BlockReadBytes = read,
            BlockWrittenBytes = written,
        };
    }

    private ResourceUsage ReadUnified(DateTimeOffset now)
    {
        var cpuMicroseconds = CgroupCounters.KeyValue(KernelText.ReadBytes(cpuFile!), "usage_usec"u8);
        var inactiveFile = CgroupCounters.KeyValue(KernelText.ReadBytes(memoryStatFile!), "inactive_file"u8);
        var usage = CgroupCounters.Number(KernelText.ReadBytes(memoryUsageFile!));
        var (read, written) = CgroupCounters.IoStatBytes(KernelText.ReadBytes(ioFile!));
        return new ResourceUsage
        {
            Time = now,
            CpuNanoseconds = cpuMicroseconds * 1000,
            MemoryBytes = Math.Max(0, usage - inactiveFile),
            MemoryLimitBytes = memoryLimit,
            BlockReadBytes = read,
            BlockWrittenBytes = written,
        };
    }

    private static SafeFileHandle Open(string path) => File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);

    /// <summary>cgroup v1 says "no limit" with a number near 2^63: the host's memory is the real ceiling.</summary>
    private static long Limit(long limit, long hostMemory) => limit <= 0 || limit >= hostMemory ? hostMemory : limit;

    private static string? Folder(IReadOnlyDictionary<string, string> paths, string controller)
    {
        if (!paths.TryGetValue(controller, out var path))
        {
            return null;
        }

        var folder = Root + "/" + controller + path;
        return Directory.Exists(folder) ? folder : null;
    }
}
