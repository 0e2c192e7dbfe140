using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Sky.Metrics.Export;
using Sky.Testing;
using Sky.Testing.Peers;

namespace Sky.Metrics.Tests.Export;

public sealed class GraphiteExporterTests
{
    private static readonly GraphitePaths Paths = new((service, _) => service == "billing" ? "apps.billing" : null);

    [Fact]
    public async Task Points_reach_carbon_under_their_graphite_paths()
    {
        await using var carbon = await Carbon.StartAsync();
        using var exporter = await StartAsync(carbon.Port);
        var now = DateTimeOffset.UtcNow;

        exporter.Offer([
            new MetricPoint("cpu.percent", new MetricLabels("web", "production", "web-production"), 12.5, now),
            new MetricPoint("cpu.percent", new MetricLabels("web", "production", "web-production-2"), 7, now),
            new MetricPoint("memory.usage", new MetricLabels("web", "production", "web-production-database"), 1024, now),
            new MetricPoint("requests.rate", new MetricLabels("web", "default"), 3, now),
            new MetricPoint("memstats.Alloc", new MetricLabels("billing", "default", "billing"), 99, now),
            new MetricPoint("stats_counts.logins", MetricLabels.None, 4, now),
        ]);

        Assert.Equal(12.5, await ValueAsync(carbon, "services.web.production.cpu.percent"));
        Assert.Equal(7, await ValueAsync(carbon, "services.web.production.2.cpu.percent"));
        Assert.Equal(1024, await ValueAsync(carbon, "services.web.production.database.memory.usage"));
        Assert.Equal(3, await ValueAsync(carbon, "services.web.default.requests.rate"));
        Assert.Equal(99, await ValueAsync(carbon, "apps.billing.memstats.Alloc"));
        Assert.Equal(4, await ValueAsync(carbon, "stats_counts.logins"));
    }

    [Fact]
    public async Task Nothing_offered_while_carbon_is_down_is_lost()
    {
        var first = await Carbon.StartAsync();
        using var exporter = await StartAsync(first.Port);
        var labels = new MetricLabels("web", "default", "web");
        var start = DateTimeOffset.UtcNow.AddSeconds(-30);
        exporter.Offer([new MetricPoint("cpu.percent", labels, 1, start)]);
        await ValueAsync(first, "services.web.default.cpu.percent");

        await first.StopAsync();
        // Ten seconds of samples while carbon is away, offered at once (they are timestamped, not timed).
        exporter.Offer(Enumerable.Range(1, 10).Select(i => new MetricPoint("cpu.percent", labels, 1 + i, start.AddSeconds(i))).ToList());
        await using var second = await Carbon.StartAsync(first.Port, first.Folder);

        var values = await Eventually.WaitForAsync(
            () => second.ValuesAsync("services.web.default.cpu.percent"),
            v => v.Count == 11,
            TimeSpan.FromSeconds(30),
            "the 10 values offered during the outage in carbon",
            () => Task.FromResult(second.Output));
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (double)i), values.Select(v => v.Value));
        Assert.Equal(0, exporter.Dropped);
    }

    private static async Task<GraphiteExporter> StartAsync(int port)
    {
        var exporter = new GraphiteExporter(new GraphiteSettings(new DnsEndPoint("127.0.0.1", port)), Paths, NullLogger<GraphiteExporter>.Instance);
        await exporter.StartAsync(CancellationToken.None);
        return exporter;
    }

    private static async Task<double> ValueAsync(Carbon carbon, string path)
    {
        var values = await Eventually.WaitForAsync(() => carbon.ValuesAsync(path), v => v.Count > 0, TimeSpan.FromSeconds(20), $"{path} in carbon", () => Task.FromResult(string.Join(", ", carbon.Paths())));
        return values[^1].Value;
    }
}
