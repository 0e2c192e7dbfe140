using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sky.Testing.Peers;

/// <summary>
/// A real syslog server: Debian's rsyslog, in the foreground with its own configuration in a temp folder, receiving
/// over UDP (imudp) and TCP (imtcp, which takes octet-counted and newline-framed messages) on free loopback ports and
/// writing every message it parsed to a file in RFC 5424 form (template RSYSLOG_SyslogProtocol23Format). It loads no
/// imuxsock, so it neither opens nor reads /dev/log, and keeps its own messages (processInternalMessages) rather than
/// handing them to the system logger: the machine's syslog, if any, never sees it. Started and stopped (by PID) by
/// the test that owns it, and killed after two minutes at the latest by <c>timeout</c>.
/// </summary>
public sealed class Rsyslog : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;
    private readonly ConcurrentQueue<string> diagnostics = new();

    private Rsyslog(Process process, string folder, int udpPort, int tcpPort)
    {
        this.process = process;
        this.folder = folder;
        UdpPort = udpPort;
        TcpPort = tcpPort;
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.OutputDataReceived += (_, e) => Keep(e.Data);
    }

    public int UdpPort { get; }

    public int TcpPort { get; }

    private string ReceivedFile => Path.Combine(folder, "received.log");

    private string PidFile => Path.Combine(folder, "rsyslogd.pid");

    /// <summary>
    /// Starts rsyslog on free ports, or its TCP input on <paramref name="tcpPort"/> (for a target that was set up
    /// before its receiver started), and returns once it has started.
    /// </summary>
    public static async Task<Rsyslog> StartAsync(int? tcpPort = null)
    {
        var folder = Directory.CreateTempSubdirectory("sky-rsyslog-").FullName;
        var work = Directory.CreateDirectory(Path.Combine(folder, "work")).FullName;
        var udpPort = FreePort.Next();
        tcpPort ??= FreePort.Next();
        var configuration = Path.Combine(folder, "rsyslog.conf");
        await File.WriteAllTextAsync(configuration, $"""
            global(workDirectory="{work}" processInternalMessages="on" maxMessageSize="64k")
            module(load="imudp")
            module(load="imtcp")
            input(type="imudp" address="127.0.0.1" port="{udpPort}")
            input(type="imtcp" address="127.0.0.1" port="{tcpPort}")
            *.* action(type="omfile" file="{Path.Combine(folder, "received.log")}" template="RSYSLOG_SyslogProtocol23Format")

            """);
        var start = new ProcessStartInfo("timeout") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "120", "rsyslogd", "-n", "-f", configuration, "-i", Path.Combine(folder, "rsyslogd.pid") })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = "/usr/sbin:/sbin:" + Environment.GetEnvironmentVariable("PATH");
        var process = Process.Start(start)!;
        var server = new Rsyslog(process, folder, udpPort, tcpPort.Value);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            // rsyslog logs "[origin software="rsyslogd" ...] start" once its inputs listen: readiness as an event.
            await Eventually.GetAsync(() => server.StartLine(), TimeSpan.FromSeconds(15), "rsyslogd's start message");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every message rsyslog received and wrote, its own ones (APP-NAME rsyslogd) included.</summary>
    public IReadOnlyList<ReceivedSyslog> Messages()
    {
        if (!File.Exists(ReceivedFile))
        {
            return [];
        }

        using var file = new FileStream(ReceivedFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        var lines = reader.ReadToEnd().Split('\n');

        // The last piece is empty, or a line rsyslog is still writing.
        return lines[..^1].Select(ReceivedSyslog.Parse).ToList();
    }

    public Task<ReceivedSyslog> WaitForAsync(Func<ReceivedSyslog, bool> match, string what) =>
        Eventually.GetAsync(() => Messages().FirstOrDefault(match), TimeSpan.FromSeconds(15), what);

    public async ValueTask DisposeAsync()
    {
        // rsyslogd first, by the PID it wrote: `timeout`, its parent, then reaps it and ends too. Killing `timeout`
        // first would leave rsyslogd to PID 1, a zombie until that gets round to reaping it.
        if (File.Exists(PidFile) && int.TryParse(await File.ReadAllTextAsync(PidFile), out var pid))
        {
            try
            {
                using var rsyslogd = Process.GetProcessById(pid);
                rsyslogd.Kill();
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

    private ReceivedSyslog? StartLine()
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"rsyslogd ended before it started: {string.Join('\n', diagnostics)}");
        }

        return Messages().FirstOrDefault(m => m.App == "rsyslogd" && m.Message.EndsWith("] start", StringComparison.Ordinal));
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            diagnostics.Enqueue(line);
        }
    }
}
