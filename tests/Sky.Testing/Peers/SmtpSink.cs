using System.Diagnostics;
using System.Net.Sockets;

namespace Sky.Testing.Peers;

/// <summary>
/// A real SMTP server on a free loopback port: Debian's aiosmtpd (<c>python3-aiosmtpd</c>, loadable only by
/// <c>/usr/bin/python3</c>) storing every message in a maildir. Started and stopped (by PID) by the test that owns it,
/// and killed after two minutes at the latest by <c>timeout</c>, so a crashed test leaves nothing running for long.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private SmtpSink(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("sky-smtp-").FullName;
        var port = FreePort.Next();
        var start = new ProcessStartInfo("timeout") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "120", "/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(folder, "mail") })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var sink = new SmtpSink(process, folder, port);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return sink;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "";
                await sink.DisposeAsync();
                throw new InvalidOperationException($"the SMTP sink did not start on port {port}: {error}");
            }
        }
    }

    public IReadOnlyList<ReceivedMail> Messages()
    {
        var inbox = Path.Combine(folder, "mail", "new");
        return Directory.Exists(inbox)
            ? Directory.GetFiles(inbox).Order(StringComparer.Ordinal).Select(f => ReceivedMail.Parse(File.ReadAllText(f))).ToList()
            : [];
    }

    public Task<ReceivedMail> WaitForAsync(Func<ReceivedMail, bool> match, string what) =>
        Eventually.GetAsync(() => Messages().FirstOrDefault(match), TimeSpan.FromSeconds(15), what);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
