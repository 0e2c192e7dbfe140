using System.Globalization;
using System.Net;
using Sky.Configuration.Reading;
using Sky.Configuration.Yaml;
using Sky.Metrics;
using Sky.Metrics.Export;

namespace Sky.Api.Settings;

/// <summary>
/// Reads <c>metrics:</c> (how often containers are sampled, how long each resolution of the history is kept) and
/// <c>graphite:</c> (where carbon listens) of the settings file.
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
