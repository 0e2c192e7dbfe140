using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Sky.Testing.Peers;

/// <summary>
/// A real Prometheus server (Debian's), scraping one target every second into a temp folder, on a free loopback
/// port, queried through its HTTP API as a dashboard would. It dies by itself after three minutes at the latest
/// (<c>timeout</c>) and is stopped by its PID when disposed.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;
    private readonly ConcurrentQueue<string> output = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private PrometheusServer(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
    }

    public int Port { get; }

    public string Output => string.Join('\n', output);

    /// <summary>Starts Prometheus scraping <paramref name="target"/> (<c>127.0.0.1:PORT</c>, path <c>/metrics</c>) every second.</summary>
    public static async Task<PrometheusServer> StartAsync(string target)
    {
        var folder = Directory.CreateTempSubdirectory("sky-prometheus-").FullName;
        var port = FreePort.Next();
        var configuration = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(configuration, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: sky
                static_configs:
                  - targets: [ "{target}" ]

            """);
        var start = new ProcessStartInfo("timeout") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "180", "prometheus", "--config.file=" + configuration, "--storage.tsdb.path=" + Path.Combine(folder, "data"), $"--web.listen-address=127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        var server = new PrometheusServer(Process.Start(start)!, folder, port);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        try
        {
            // It says so once its web server answers: readiness as an event.
            await Eventually.GetAsync(() => server.Said("Server is ready to receive web requests."), TimeSpan.FromSeconds(30), "Prometheus ready");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The result of an instant query: each series' labels and value.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string query)
    {
        using var answer = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{Port}/api/v1/query?query={Uri.EscapeDataString(query)}")));
        return answer.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(r => (
                (IReadOnlyDictionary<string, string>)r.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
                double.Parse(r.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Whether the last scrape of the target worked (the <c>up</c> series), and the error Prometheus saw if not.</summary>
    public async Task<string> TargetHealthAsync()
    {
        using var answer = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{Port}/api/v1/targets")));
        return string.Join("; ", answer.RootElement.GetProperty("data").GetProperty("activeTargets").EnumerateArray()
            .Select(t => $"{t.GetProperty("health").GetString()} {t.GetProperty("lastError").GetString()}"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        http.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private string? Said(string text)
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"prometheus ended before it was ready:\n{Output}");
        }

        return output.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal));
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
