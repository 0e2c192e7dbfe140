using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sky.Testing.Peers;

/// <summary>
/// The real etsy statsd 0.9.0 (npm, installed by scripts/install-test-deps.sh into <c>.peers/statsd</c> beside
/// sky.slnx), run by node with its own configuration in a temp folder: UDP and its management console on free
/// loopback ports, its Graphite backend sending to <paramref name="graphitePort"/> every
/// <see cref="FlushInterval"/>, everything else etsy's default. Started and stopped (node, by its PID) by the test
/// that owns it, and killed after two minutes at the latest by <c>timeout</c>.
/// </summary>
public sealed class EtsyStatsd : IAsyncDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private readonly Process process;
    private readonly string folder;
    private readonly ConcurrentQueue<string> output = new();

    private EtsyStatsd(Process process, string folder, int port, int managementPort)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
        ManagementPort = managementPort;
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.OutputDataReceived += (_, e) => Keep(e.Data);
    }

    /// <summary>The UDP port it receives StatsD on.</summary>
    public int Port { get; }

    public int ManagementPort { get; }

    /// <summary>What node printed, for a failure's message.</summary>
    public string Output => string.Join('\n', output);

    /// <summary>Starts etsy statsd sending to a carbon receiver on <paramref name="graphitePort"/>, with etsy's percentile thresholds or <paramref name="percentiles"/>.</summary>
    public static async Task<EtsyStatsd> StartAsync(int graphitePort, IReadOnlyList<double>? percentiles = null)
    {
        var statsJs = Path.Combine(RepositoryRoot(), ".peers", "statsd", "node_modules", "statsd", "stats.js");
        if (!File.Exists(statsJs))
        {
            throw new FileNotFoundException($"etsy statsd is not installed at {statsJs}: run scripts/install-test-deps.sh");
        }

        var folder = Directory.CreateTempSubdirectory("sky-etsy-statsd-").FullName;
        var port = FreeUdpPort();
        var managementPort = FreePort.Next();
        var thresholds = percentiles is null
            ? string.Empty
            : $"percentThreshold: [{string.Join(", ", percentiles.Select(p => p.ToString("R", CultureInfo.InvariantCulture)))}],";
        var configuration = Path.Combine(folder, "config.js");
        await File.WriteAllTextAsync(configuration, $$"""
            {
              address: "127.0.0.1", port: {{port}},
              mgmt_address: "127.0.0.1", mgmt_port: {{managementPort}},
              graphiteHost: "127.0.0.1", graphitePort: {{graphitePort}},
              flushInterval: {{FlushInterval.TotalMilliseconds}},
              {{thresholds}}
            }

            """);
        var start = new ProcessStartInfo("timeout") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var argument in new[] { "120", "node", statsJs, configuration })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var statsd = new EtsyStatsd(process, folder, port, managementPort);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            // The management console listens once the UDP server has been started: readiness as an answer.
            await Eventually.GetAsync(statsd.Health, TimeSpan.FromSeconds(15), "etsy statsd's management console");
            return statsd;
        }
        catch
        {
            await statsd.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // node first, by its PID (the child of `timeout`): `timeout` then sees it end and ends too.
        foreach (var pid in Children(process.Id))
        {
            try
            {
                using var node = Process.GetProcessById(pid);
                node.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // It has ended already.
            }
        }

        using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(stopped.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "sky.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("sky.slnx not found above " + AppContext.BaseDirectory);
    }

    private static int FreeUdpPort()
    {
        // A port free for TCP (FreePort) and for UDP alike.
        while (true)
        {
            var port = FreePort.Next();
            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }

    private static List<int> Children(int pid)
    {
        var file = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(file)
            ? File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList()
            : [];
    }

    private string? Health()
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"etsy statsd ended before it started: {Output}");
        }

        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, ManagementPort);
            using var stream = client.GetStream();
            stream.Write("health\n"u8);
            using var reader = new StreamReader(stream);
            return reader.ReadLine();
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
