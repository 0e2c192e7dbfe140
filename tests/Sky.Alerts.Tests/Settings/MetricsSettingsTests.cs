using System.Net;
using Sky.Api.Settings;

namespace Sky.Alerts.Tests.Settings;

/// <summary>The settings file's <c>metrics:</c>, <c>statsd:</c> and <c>graphite:</c>: read as written, mistakes reported where they are.</summary>
public sealed class MetricsSettingsTests
{
    [Fact]
    public void Every_metrics_statsd_and_graphite_key_is_read()
    {
        var settings = DaemonSettingsLoader.Parse("settings.yml", """
            metrics: { sample-interval: 5s, fine-retention: 12h, coarse-retention: 7d }
            statsd: { listen: 127.0.0.1:9125, flush-interval: 2s, percentiles: [ 90, 99.9 ], containers: false }
            graphite: { address: carbon.example.com:2003, buffer: 1000 }
            """).Settings!;

        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromHours(12), TimeSpan.FromDays(7)), (settings.Metrics.SampleInterval, settings.Metrics.History.FineRetention, settings.Metrics.History.CoarseRetention));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 9125), settings.Statsd!.Listen);
        Assert.Equal([90, 99.9], settings.Statsd.Percentiles);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.Statsd.FlushInterval);
        Assert.False(settings.StatsdForContainers);
        Assert.Equal(("carbon.example.com", 2003, 1000), (settings.Graphite!.Address.Host, settings.Graphite.Address.Port, settings.Graphite.BufferLines));
    }

    [Fact]
    public void Statsd_can_be_turned_off()
    {
        Assert.Null(DaemonSettingsLoader.Parse("settings.yml", "statsd: { listen: off }\n").Settings!.Statsd);
    }

    [Fact]
    public void Mistakes_are_reported_where_they_are_and_nothing_starts()
    {
        var result = DaemonSettingsLoader.Parse("settings.yml", """
            metrics:
              sample-interval: 100ms
            statsd:
              listen: localhost
              percentiles: [ 0 ]
            graphite:
              buffer: 10
            """);

        Assert.Null(result.Settings);
        Assert.Equal(
            [
                "settings.yml:2:20: metrics.sample-interval: expected at least 1s",
                "settings.yml:4:11: statsd.listen: 'localhost' is not an IP address and port (such as 127.0.0.1:8125), or off",
                "settings.yml:5:18: statsd.percentiles[0]: '0' is not a percentile (a number from -100 to 100, not 0)",
                "settings.yml:7:3: graphite: missing key 'address' (HOST:PORT of carbon's plaintext receiver, such as 127.0.0.1:2003)",
            ],
            result.Errors.Select(e => e.ToString()));
    }
}
