using System.Diagnostics;
using System.Text;
using Sky.Metrics.Export;

namespace Sky.Metrics.Tests.Export;

public sealed class PrometheusExpositionTests
{
    [Fact]
    public async Task The_exposition_passes_promtool_and_names_series_as_prometheus_users_expect()
    {
        var latest = new LatestValues();
        var now = DateTimeOffset.UtcNow;
        var web = new MetricLabels("web", "production", "web-production");
        latest.Record([
            new MetricPoint("cpu.percent", web, 12.5, now),
            new MetricPoint("memory.usage", web, 4096, now),
            new MetricPoint("network.rx.rate", web, 10, now),
            new MetricPoint("requests.5xx.rate", new MetricLabels("web", "production"), 0.5, now),
            new MetricPoint("memstats.HeapAlloc", web, 77, now),
            new MetricPoint("stats.timers.api.count", MetricLabels.None, 3, now),
            new MetricPoint("stats.statsd.numStats", MetricLabels.None, 9, now),
            new MetricPoint("stats_counts.logins", MetricLabels.None, 4, now),
        ]);

        var text = await ExposeAsync(new PrometheusExposition(latest));

        Assert.Contains("sky_container_cpu_percent{service=\"web\",service_instance=\"production\",container=\"web-production\"} 12.5", text, StringComparison.Ordinal);
        Assert.Contains("sky_container_memory_usage_bytes{service=\"web\",service_instance=\"production\",container=\"web-production\"} 4096", text, StringComparison.Ordinal);
        Assert.Contains("sky_requests_5xx_per_second{service=\"web\",service_instance=\"production\",container=\"\"} 0.5", text, StringComparison.Ordinal);
        Assert.Contains("sky_memstats_heap_alloc{", text, StringComparison.Ordinal);
        Assert.Contains("stats_timers_api_count_value{service=\"\",service_instance=\"\",container=\"\"} 3", text, StringComparison.Ordinal);
        Assert.Contains("stats_counts_logins{service=\"\",service_instance=\"\",container=\"\"} 4", text, StringComparison.Ordinal);
        var (exit, problems) = await PromtoolAsync(text);
        Assert.True(exit == 0, $"promtool check metrics: {problems}\n{text}");
    }

    [Fact]
    public async Task A_series_that_stopped_is_no_longer_exposed()
    {
        var latest = new LatestValues();
        var exposition = new PrometheusExposition(latest);
        var old = DateTimeOffset.UtcNow.AddHours(-1);
        latest.Record([new MetricPoint("cpu.percent", new MetricLabels("web", "default", "web"), 1, old), new MetricPoint("cpu.percent", new MetricLabels("api", "default", "api"), 2, DateTimeOffset.UtcNow)]);
        Assert.Contains("container=\"web\"", await ExposeAsync(exposition), StringComparison.Ordinal);

        latest.ForgetOlderThan(DateTimeOffset.UtcNow.AddMinutes(-5));

        var text = await ExposeAsync(exposition);
        Assert.DoesNotContain("container=\"web\"", text, StringComparison.Ordinal);
        Assert.Contains("container=\"api\"", text, StringComparison.Ordinal);
    }

    private static async Task<string> ExposeAsync(PrometheusExposition exposition)
    {
        using var output = new MemoryStream();
        await exposition.WriteAsync(output, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static async Task<(int Exit, string Problems)> PromtoolAsync(string text)
    {
        var start = new ProcessStartInfo("promtool", ["check", "metrics"]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var promtool = Process.Start(start)!;
        await promtool.StandardInput.WriteAsync(text);
        promtool.StandardInput.Close();
        var problems = await promtool.StandardOutput.ReadToEndAsync() + await promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();
        return (promtool.ExitCode, problems);
    }
}
