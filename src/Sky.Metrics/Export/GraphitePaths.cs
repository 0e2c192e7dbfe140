using System.Text;

namespace Sky.Metrics.Export;

/// <summary>
/// Where a point goes in Graphite's tree. A series of no service keeps its name (StatsD's <c>stats.KEY</c> stays
/// where etsy statsd puts it). An instance's series go under its prefix, <c>services.SERVICE.INSTANCE</c> unless its
/// configuration's <c>metrics.prefix</c> says otherwise; a container's under the same prefix, then what tells it from
/// the instance's main container (<c>database</c>, <c>2</c> for the second replica, nothing for the main one).
/// </summary>
public sealed class GraphitePaths(Func<string, string, string?> prefixOf)
{
    public string Of(in MetricPoint point)
    {
        var labels = point.Labels;
        if (labels.Service is not { } service)
        {
            return point.Name;
        }

        var instance = labels.Instance ?? "default";
        var prefix = prefixOf(service, instance) ?? $"services.{Part(service)}.{Part(instance)}";
        var part = labels.Container is { } container ? ContainerPart(service, instance, container) : null;
        return part is null ? $"{prefix}.{point.Name}" : $"{prefix}.{part}.{point.Name}";
    }

    /// <summary>What follows the instance's own name in the container's (<c>my-app-production-database</c>: <c>database</c>).</summary>
    private static string? ContainerPart(string service, string instance, string container)
    {
        var own = instance == "default" ? service : $"{service}-{instance}";
        if (container.EndsWith(own, StringComparison.Ordinal))
        {
            return null;
        }

        var at = container.LastIndexOf(own + "-", StringComparison.Ordinal);
        return Part(at < 0 ? container : container[(at + own.Length + 1)..]);
    }

    /// <summary>One path element: a dot would make two, a space or slash would break the line.</summary>
    private static string Part(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(character) || character is '-' or '_' ? character : '_');
        }

        return builder.ToString();
    }
}
