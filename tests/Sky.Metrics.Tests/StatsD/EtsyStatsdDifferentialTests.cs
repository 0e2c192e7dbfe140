using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Sky.Metrics.Export;
using Sky.Metrics.StatsD;
using Sky.Testing;
using Sky.Testing.Peers;

namespace Sky.Metrics.Tests.StatsD;

/// <summary>
/// The same datagrams, sent to the real etsy statsd 0.9.0 and to sky's server, come out with the same names and values:
/// at the Graphite end: etsy's through its graphite backend, sky's through its Graphite exporter, each to a carbon
/// plaintext receiver. Both flush every second (rates are per second of the interval).
/// </summary>
public sealed class EtsyStatsdDifferentialTests
{
    /// <summary>What etsy emits and sky deliberately does not, with why.</summary>
    private static readonly Dictionary<string, string> OnlyEtsy = new(StringComparer.Ordinal)
    {
        ["stats.statsd.graphiteStats.last_exception"] = "etsy's Graphite connection: sky's exporters report their own",
        ["stats.statsd.graphiteStats.last_flush"] = "when etsy's Graphite backend last sent: the exporters' business",
        ["stats.statsd.graphiteStats.flush_time"] = "how long etsy's previous Graphite send took: the exporters' business",
        ["stats.statsd.graphiteStats.flush_length"] = "bytes of etsy's previous Graphite send: the exporters' business",
        ["stats.statsd.graphiteStats.calculationtime"] = "time etsy's Graphite backend spent formatting lines: sky has no such step",
    };

    /// <summary>Values that measure time on each side, compared by name only.</summary>
    private static readonly string[] Timing = ["stats.statsd.processing_time", "stats.gauges.statsd.timestamp_lag"];

    private static readonly string[] Packets =
    [
        "counter:1|c", "counter:2|c|@0.5", "sampled:1|c|@0.1", "sampled:3|c|@0.25",
        "gauge:10|g", "gauge:+5|g", "gauge:-3|g", "fresh_gauge:-4|g", "zero_gauge:0|g", "zero_gauge:+2|g",
        "timer:12.5|ms", "timer:3|ms|@0.5", "timer:7.25|ms", "timer:100|ms", "timer:0.1|ms",
        string.Join('\n', Enumerable.Range(1, 37).Select(i => $"many:{(i * 7.3 % 11).ToString("R", CultureInfo.InvariantCulture)}|ms")),
        "single:42|ms", "hist:5|h", "hist:6|h",
        "set:a|s", "set:b|s", "set:a|s", "set:|s",
        "multi:1|c:2|c:3|ms:x|c",
        "lines:1|c\nlines:2|c\n\nother:5|ms\n",
        "my key/with stuff!:1|c", "tabs\t\tand  spaces:1|c",
        "tagged:1|c|#env:prod,zone:a", "tagged_timer:4|ms|#env:prod",
        "bad", "bad:1|x|@y", "neg:-1|ms", "unknown:3|zz", "nan:NaN|c", "rate:1|c|@1e-1", "hex:0x10|c",
        "ws_type:-5|ms ", "",
    ];

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 90, 99.9, -10, 50 })]
    public async Task The_same_packets_give_the_same_names_and_values_as_etsy_statsd(double[] percentiles)
    {
        await using var carbon = CarbonLineReceiver.Start();
        await using var etsy = await EtsyStatsd.StartAsync(carbon.Port, percentiles.Length == 0 ? null : percentiles);
        var settings = new StatsdSettings
        {
            Listen = new IPEndPoint(IPAddress.Loopback, FreePort.Next()),
            FlushInterval = EtsyStatsd.FlushInterval,
            Percentiles = percentiles.Length == 0 ? [90] : percentiles,
        };
        await using var sky = await RunningServer.StartAsync(settings);

        // Right after a flush of etsy's, so that all packets land in its next one; sky flushes once too, so that
        // both compare a second flush (the first has no timestamp_lag).
        await carbon.WaitForBatchAsync(_ => true, "etsy's first flush");
        await sky.FlushAsync();
        using var sender = new UdpClient(AddressFamily.InterNetwork);
        foreach (var packet in Packets)
        {
            var bytes = Encoding.UTF8.GetBytes(packet);
            await sender.SendAsync(bytes, new IPEndPoint(IPAddress.Loopback, etsy.Port));
            await sender.SendAsync(bytes, sky.Endpoint);
        }

        var etsyFlush = await carbon.WaitForBatchAsync(
            b => b.Any(l => l.Name == "stats_counts.statsd.packets_received" && l.Value == Packets.Length),
            $"etsy's flush of {Packets.Length} packets");
        await sky.WaitForPacketsAsync(Packets.Length);
        var skyFlush = await sky.FlushAsync();
        var skyLines = await ThroughGraphiteExporterAsync(skyFlush.Points);

        var etsyValues = etsyFlush.Where(l => !OnlyEtsy.ContainsKey(l.Name)).ToDictionary(l => l.Name, l => l.Value);
        var skyValues = skyLines.ToDictionary(l => l.Name, l => l.Value);
        Assert.Empty(carbon.Problems);
        Assert.All(OnlyEtsy.Keys, name => Assert.Contains(name, etsyFlush.Select(l => l.Name)));
        Assert.Equal(etsyValues.Keys.Order(StringComparer.Ordinal), skyValues.Keys.Order(StringComparer.Ordinal));
        var different = etsyValues
            .Where(e => !Timing.Contains(e.Key) && !Same(e.Value, skyValues[e.Key]))
            .Select(e => $"{e.Key}: etsy {e.Value.ToString("R", CultureInfo.InvariantCulture)}, sky {skyValues[e.Key].ToString("R", CultureInfo.InvariantCulture)}")
            .ToList();
        Assert.Empty(different);
        Assert.True(etsyValues.Count > 100, $"only {etsyValues.Count} names compared");
    }

    /// <summary>sky's flushed points as carbon receives them from sky's own exporter.</summary>
    private static async Task<IReadOnlyList<CarbonLine>> ThroughGraphiteExporterAsync(IReadOnlyList<MetricPoint> points)
    {
        await using var carbon = CarbonLineReceiver.Start();
        using var exporter = new GraphiteExporter(new GraphiteSettings(new DnsEndPoint("127.0.0.1", carbon.Port)), new GraphitePaths((_, _) => null), NullLogger<GraphiteExporter>.Instance);
        await exporter.StartAsync(CancellationToken.None);
        exporter.Offer(points);
        await Eventually.GetAsync(() => carbon.Lines.Count >= points.Count ? carbon.Lines : null, TimeSpan.FromSeconds(15), $"the {points.Count} lines of sky's flush at carbon");
        await exporter.StopAsync(CancellationToken.None);
        return carbon.Lines;
    }

    /// <summary>Equal, or within a relative 1e-12 (etsy prints numbers in JavaScript's shortest form, which reads back exactly).</summary>
    private static bool Same(double etsy, double sky) =>
        etsy.Equals(sky) || Math.Abs(etsy - sky) <= 1e-12 * Math.Max(Math.Abs(etsy), Math.Abs(sky));
}
