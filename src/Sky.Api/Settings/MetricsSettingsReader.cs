using System.Globalization;
using System.Net;
using Sky.Configuration.Reading;
using Sky.Configuration.Yaml;
using Sky.Metrics;
using Sky.Metrics.Export;
using Sky.Metrics.StatsD;

namespace Sky.Api.Settings;

/// <summary>
/// Reads <c>metrics:</c> (how often containers are sampled, how long each resolution of the history is kept),
/// <c>statsd:</c> (sky's StatsD server) and <c>graphite:</c> (where carbon listens) of the settings file.
/// </summary>
internal sealed class MetricsSettingsReader(ValueReader values)
{
    public MetricsSettings ReadMetrics(Node node, string path, MetricsSettings current)
    {
        var settings = current;
        SettingsKeys.Read(values, node, path, "a mapping with sample-interval, fine-retention and coarse-retention",
        [
            ("sample-interval", (n, p) =>
            {
                if (AtLeastOneSecond(n, p) is { } interval)
                {
                    settings = settings with { SampleInterval = interval };
                }
            }),
            ("fine-retention", (n, p) =>
            {
                if (values.Duration(n, p) is { } keep)
                {
                    settings = settings with { History = settings.History with { FineRetention = keep } };
                }
            }),
            ("coarse-retention", (n, p) =>
            {
                if (values.Duration(n, p) is { } keep)
                {
                    settings = settings with { History = settings.History with { CoarseRetention = keep } };
                }
            }),
        ]);
        return settings;
    }

    public GraphiteSettings? ReadGraphite(Node node, string path)
    {
        DnsEndPoint? address = null;
        int? buffer = null;
        if (SettingsKeys.Read(values, node, path, "a mapping with address (HOST:PORT of carbon's plaintext receiver)",
            [
                ("address", (n, p) => address = Address(n, p)),
                ("buffer", (n, p) => buffer = values.AtLeastOne(n, p, "lines")),
            ]) is not { } map)
        {
            return null;
        }

        if (map.Find("address") is null)
        {
            values.Report(map, path, "missing key 'address' (HOST:PORT of carbon's plaintext receiver, such as 127.0.0.1:2003)");
            return null;
        }

        return address is null ? null : new GraphiteSettings(address) { BufferLines = buffer ?? new GraphiteSettings(address).BufferLines };
    }

    /// <summary><c>statsd:</c>: the server's settings (null for <c>listen: off</c>) and whether containers are told where it is.</summary>
    public (StatsdSettings? Settings, bool ForContainers) ReadStatsd(Node node, string path, StatsdSettings? current, bool forContainers)
    {
        var settings = current ?? new StatsdSettings();
        var off = false;
        SettingsKeys.Read(values, node, path, "a mapping with listen, flush-interval, percentiles and containers",
        [
            ("listen", (n, p) =>
            {
                if (values.Text(n, p, "HOST:PORT or off") is { } text)
                {
                    if (ListenAddress.IsOff(text))
                    {
                        off = true;
                    }
                    else if (StatsdListen.TryParse(text, out var endPoint))
                    {
                        settings = settings with { Listen = endPoint };
                    }
                    else
                    {
                        values.Report(n, p, $"'{text}' is not an IP address and port (such as 127.0.0.1:8125), or off");
                    }
                }
            }),
            ("flush-interval", (n, p) =>
            {
                if (AtLeastOneSecond(n, p) is { } interval)
                {
                    settings = settings with { FlushInterval = interval };
                }
            }),
            ("percentiles", (n, p) =>
            {
                if (Percentiles(n, p) is { } percentiles)
                {
                    settings = settings with { Percentiles = percentiles };
                }
            }),
            ("containers", (n, p) => forContainers = values.Bool(n, p) ?? forContainers),
        ]);
        return (off ? null : settings, forContainers);
    }

    private List<double>? Percentiles(Node node, string path)
    {
        if (values.ListOrOne(node, path, "a list of percentiles (90, 99.9)") is not { } items)
        {
            return null;
        }

        var percentiles = new List<double>();
        foreach (var (item, itemPath) in items)
        {
            if (values.Text(item, itemPath, "a percentile") is not { } text)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var percentile) || Math.Abs(percentile) > 100 || Math.Abs(percentile) < 0.0001)
            {
                values.Report(item, itemPath, $"'{text}' is not a percentile (a number from -100 to 100, not 0)");
                return null;
            }

            percentiles.Add(percentile);
        }

        return percentiles;
    }

    private TimeSpan? AtLeastOneSecond(Node node, string path)
    {
        if (values.Duration(node, path) is not { } duration)
        {
            return null;
        }

        if (duration >= TimeSpan.FromSeconds(1))
        {
            return duration;
        }

        values.Report(node, path, "expected at least 1s");
        return null;
    }

    private DnsEndPoint? Address(Node node, string path)
    {
        if (values.Text(node, path, "HOST:PORT") is not { } text)
        {
            return null;
        }

        var colon = text.LastIndexOf(':');
        if (colon > 0 && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
        {
            return new DnsEndPoint(text[..colon].Trim('[', ']'), port);
        }

        values.Report(node, path, $"'{text}' is not HOST:PORT (such as 127.0.0.1:2003)");
        return null;
    }
}
