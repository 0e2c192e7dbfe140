using System.Text;
using Sky.Model.Metrics;

namespace Sky.Metrics.Export;

/// <summary>
/// A sky metric's name in Prometheus' terms: snake case, only <c>[a-z0-9_]</c>. Series of a service take the
/// <c>sky_</c> prefix (and <c>sky_container_</c> for a container's resources), rates say <c>_per_second</c>, sizes
/// <c>_bytes</c>; StatsD's names (no service) keep theirs, dots made underscores. A name that would end like a
/// histogram's or summary's parts (<c>_count</c>, <c>_sum</c>, <c>_bucket</c>) gets <c>_value</c>, as promtool asks.
/// </summary>
public static class PrometheusNames
{
    private static readonly Dictionary<string, (string Name, string Help)> Known = new(StringComparer.Ordinal)
    {
        [MetricNames.CpuPercent] = ("sky_container_cpu_percent", "CPU the container used over the last sample, in percent of one core."),
        [MetricNames.MemoryUsage] = ("sky_container_memory_usage_bytes", "Memory the container uses, page cache it could drop left out."),
        [MetricNames.MemoryLimit] = ("sky_container_memory_limit_bytes", "The container's memory limit (the host's memory when it has none)."),
        [MetricNames.MemoryPercent] = ("sky_container_memory_percent", "Memory used, in percent of the limit."),
        [MetricNames.NetworkReceived] = ("sky_container_network_receive_bytes_per_second", "Bytes received over the container's network interfaces."),
        [MetricNames.NetworkSent] = ("sky_container_network_transmit_bytes_per_second", "Bytes sent over the container's network interfaces."),
        [MetricNames.BlockRead] = ("sky_container_blkio_read_bytes_per_second", "Bytes read from block devices."),
        [MetricNames.BlockWritten] = ("sky_container_blkio_write_bytes_per_second", "Bytes written to block devices."),
    };

    private static readonly string[] ReservedEndings = ["_count", "_sum", "_bucket"];

    public static (string Name, string Help) Of(string name, MetricLabels labels)
    {
        if (Known.TryGetValue(name, out var known))
        {
            return known;
        }

        var snake = Snake(name.EndsWith(".rate", StringComparison.Ordinal) ? name[..^5] + "_per_second" : name);
        var family = labels.Service is null ? snake : "sky_" + snake;
        if (char.IsAsciiDigit(family[0]))
        {
            family = "_" + family;
        }

        if (ReservedEndings.Any(ending => family.EndsWith(ending, StringComparison.Ordinal)))
        {
            family += "_value";
        }

        var help = labels.Service is not null ? $"{name}, as sky metrics shows it."
            : name.StartsWith("sky.", StringComparison.Ordinal) ? $"The daemon's own {name}." : $"StatsD: {name}";
        return (family, help);
    }

    private static string Snake(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var index = 0; index < name.Length; index++)
        {
            var character = name[index];
            if (char.IsAsciiLetterUpper(character))
            {
                // camelCase becomes camel_case, as promtool wants; an acronym (HTTP) stays one word.
                if (index > 0 && (char.IsAsciiLetterLower(name[index - 1]) || char.IsAsciiDigit(name[index - 1])))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(character));
            }
            else
            {
                builder.Append(char.IsAsciiLetterOrDigit(character) ? character : '_');
            }
        }

        return builder.ToString();
    }
}
