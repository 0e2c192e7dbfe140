using System.Diagnostics;
using Sky.Api.Settings;
using Sky.Metrics;
using Sky.Testing;
using Sky.Testing.Peers;

namespace Sky.Cli.Tests.Metrics;

/// <summary>The daemon's <c>/metrics</c> as Prometheus users take it: valid for promtool, and scraped by a real Prometheus.</summary>
public sealed class PrometheusExpositionTests
{
    [Fact]
    public async Task A_real_Prometheus_scrapes_every_container_s_resources_and_promtool_finds_nothing_wrong()
    {
        await using var daemon = await TestDaemon.StartAsync(settings: new DaemonSettings { Metrics = new MetricsSettings { SampleInterval = TimeSpan.FromSeconds(1) } });
        Assert.Equal(0, (await daemon.RunAsync("apply", ConfigFile.Write("sleeper:\n  image: base:0.7\n  command: sleep 600\n"))).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "sleeper")).ExitCode);
        using var http = new HttpClient();
        var exposition = await Eventually.WaitForAsync(
            () => http.GetStringAsync($"{daemon.Address}/metrics"),
            text => text.Contains("sky_container_memory_usage_bytes{", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30),
            "the sleeper's memory in /metrics");

        var (exit, problems) = await PromtoolAsync(exposition);
        Assert.True(exit == 0, $"promtool check metrics: {problems}\n{exposition}");

        await using var prometheus = await PrometheusServer.StartAsync($"127.0.0.1:{daemon.Port}");
        var scraped = await Eventually.WaitForAsync(
            () => prometheus.QueryAsync("sky_container_memory_usage_bytes"),
            series => series.Any(s => s.Labels.GetValueOrDefault("container") == daemon.Name("sleeper")),
            TimeSpan.FromSeconds(60),
            "the sleeper's memory in Prometheus",
            prometheus.TargetHealthAsync);
        var sleeper = scraped.Single(s => s.Labels["container"] == daemon.Name("sleeper"));
        Assert.Equal(("sleeper", "default"), (sleeper.Labels["service"], sleeper.Labels["service_instance"]));
        Assert.True(sleeper.Value > 0);
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
