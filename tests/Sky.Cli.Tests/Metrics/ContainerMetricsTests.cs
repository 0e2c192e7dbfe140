using System.Text.Json;
using Sky.Api.Settings;
using Sky.Metrics;
using Sky.Testing;

namespace Sky.Cli.Tests.Metrics;

/// <summary>Every container sky runs is measured with no work from it: its resources, and what it serves on a polled endpoint.</summary>
public sealed class ContainerMetricsTests
{
    private static readonly DaemonSettings EverySecond = new() { Metrics = new MetricsSettings { SampleInterval = TimeSpan.FromSeconds(1) } };

    [Fact]
    public async Task A_container_that_burns_CPU_and_one_that_holds_memory_show_it_with_their_labels()
    {
        await using var daemon = await TestDaemon.StartAsync(settings: EverySecond);
        // The hog fills its /dev/shm: tmpfs pages are memory it holds (no cache the kernel could drop), written at once.
        var config = ConfigFile.Write("""
            burner:
              image: base:0.7
              command: while :; do :; done
            hog:
              image: base:0.7
              command: head -c 50000000 /dev/zero > /dev/shm/hold; sleep 600
            """);
        Assert.Equal(0, (await daemon.RunAsync("apply", config)).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "burner")).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "hog")).ExitCode);

        var top = await Eventually.WaitForAsync(
            async () => JsonDocument.Parse((await daemon.RunAsync("top", "-o", "json")).Output).RootElement,
            t => Row(t, daemon.Name("burner")) is { } burner && Number(burner, "cpuPercent") > 50
                && Row(t, daemon.Name("hog")) is { } hog && Number(hog, "memoryBytes") > 40_000_000,
            TimeSpan.FromSeconds(60),
            "the burner's CPU above 50 % and the hog's memory above 40 MB in sky top");

        var burnerRow = Row(top, daemon.Name("burner"))!.Value;
        Assert.Equal(("burner", "default"), (burnerRow.GetProperty("service").GetString(), burnerRow.GetProperty("instance").GetString()));
        Assert.True(Number(Row(top, daemon.Name("hog"))!.Value, "memoryLimitBytes") > 40_000_000);

        var history = await daemon.RunAsync("metrics", "burner", "cpu.percent", "memory.usage", "-o", "json");
        Assert.True(history.ExitCode == 0, history.ToString());
        var series = JsonDocument.Parse(history.Output).RootElement.GetProperty("series").EnumerateArray().ToList();
        var cpu = Assert.Single(series, s => s.GetProperty("name").GetString() == "cpu.percent");
        Assert.Equal(daemon.Name("burner"), cpu.GetProperty("container").GetString());
        Assert.Contains(cpu.GetProperty("values").EnumerateArray(), v => v.GetDouble() > 50);
        Assert.Contains(series, s => s.GetProperty("name").GetString() == "memory.usage");

        var unknown = await daemon.RunAsync("metrics", "nosuch");
        Assert.Equal((4, true), (unknown.ExitCode, unknown.Error.Contains("no service named 'nosuch'", StringComparison.Ordinal)));
        var badRange = await daemon.RunAsync("metrics", "burner", "--since", "soon");
        Assert.Equal((2, true), (badRange.ExitCode, badRange.Error.Contains("since 'soon' is neither a duration ago", StringComparison.Ordinal)));

        var table = await daemon.RunAsync("metrics", "hog");
        Assert.Contains("memory.usage", table.Output, StringComparison.Ordinal);
        Assert.Contains(" MiB", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expvar_and_Prometheus_endpoints_are_polled_and_a_500_or_a_timeout_sets_the_failure_metric()
    {
        await using var daemon = await TestDaemon.StartAsync(settings: EverySecond);
        var config = ConfigFile.Write("""
            app:
              image: base:0.7
              ports: [ 8080 ]
              command: |
                mkdir -p /www/debug /www/cgi-bin
                echo '{"requests": 42, "memstats": {"Alloc": 1024, "BySize": [1, 2]}, "up": true, "version": "1.2"}' > /www/debug/vars
                printf '# TYPE http_requests_total counter\nhttp_requests_total{code="200",method="get"} 7\n# TYPE latency_seconds histogram\nlatency_seconds_bucket{le="0.5"} 3\nlatency_seconds_bucket{le="+Inf"} 4\nlatency_seconds_sum 1.5\nlatency_seconds_count 4\n' > /www/metrics
                printf '#!/bin/sh\nprintf "Status: 500 Internal Server Error\\r\\n\\r\\nbroken"\n' > /www/cgi-bin/broken
                printf '#!/bin/sh\nsleep 30\n' > /www/cgi-bin/slow
                chmod +x /www/cgi-bin/broken /www/cgi-bin/slow
                exec httpd -f -p 8080 -h /www
              metrics: { expvar: /debug/vars, prometheus: /metrics, interval: 1s }
              instances:
                good: {}
                broken: { metrics: { expvar: /cgi-bin/broken } }
                slow: { metrics: { expvar: /cgi-bin/slow } }
            """);
        var applied = await daemon.RunAsync("apply", config);
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "app")).ExitCode);

        var good = await Eventually.WaitForAsync(
            () => LatestAsync(daemon, "app/good"),
            v => v.ContainsKey("requests") && v.ContainsKey("http_requests_total.code.200.method.get") && v.ContainsKey("expvar.failed"),
            TimeSpan.FromSeconds(60),
            "app/good's polled values");
        Assert.Equal(42, good["requests"]);
        Assert.Equal(1024, good["memstats.Alloc"]);
        Assert.Equal(1, good["up"]);
        Assert.False(good.ContainsKey("version"));
        Assert.DoesNotContain(good.Keys, k => k.StartsWith("memstats.BySize", StringComparison.Ordinal));
        Assert.Equal(7, good["http_requests_total.code.200.method.get"]);
        Assert.Equal(3, good["latency_seconds_bucket.le.0_5"]);
        Assert.Equal(4, good["latency_seconds_count"]);
        Assert.Equal((0, 0), (good["expvar.failed"], good["prometheus.failed"]));

        var broken = await Eventually.WaitForAsync(() => LatestAsync(daemon, "app/broken"), v => v.ContainsKey("expvar.failed"), TimeSpan.FromSeconds(60), "app/broken's failure metric");
        Assert.Equal((1, 0), (broken["expvar.failed"], broken["prometheus.failed"]));
        Assert.False(broken.ContainsKey("requests"));

        var slow = await Eventually.WaitForAsync(() => LatestAsync(daemon, "app/slow"), v => v.ContainsKey("expvar.failed"), TimeSpan.FromSeconds(60), "app/slow's failure metric");
        Assert.Equal(1, slow["expvar.failed"]);
    }

    private static JsonElement? Row(JsonElement top, string container) =>
        top.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("container").GetString() == container).Select(r => (JsonElement?)r).FirstOrDefault();

    private static double Number(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;

    /// <summary>The newest value of each series of the instance over the last minute, by name.</summary>
    private static async Task<Dictionary<string, double>> LatestAsync(TestDaemon daemon, string target)
    {
        var run = await daemon.RunAsync("metrics", target, "--since", "1m", "-o", "json");
        return run.ExitCode != 0
            ? []
            : JsonDocument.Parse(run.Output).RootElement.GetProperty("series").EnumerateArray()
                .Where(s => s.GetProperty("values").GetArrayLength() > 0)
                .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("values").EnumerateArray().Last().GetDouble());
    }
}
