using System.Net;

namespace Sky.Metrics.StatsD;

/// <summary>
/// Where sky's StatsD server listens and how it flushes. The defaults are etsy statsd's: port 8125 (here on loopback
/// only), a flush every 10 seconds, the 90th percentile for timers.
/// </summary>
public sealed record StatsdSettings
{
    /// <summary>The UDP and TCP endpoint (TCP takes newline-separated lines).</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 8125);

    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// etsy's percentThreshold: for each p, a timer's statistics of its lowest p% of values (highest |p|% for a
    /// negative p). Between -100 and 100, at least 0.0001 away from 0.
    /// </summary>
    public IReadOnlyList<double> Percentiles { get; init; } = [90];

    /// <summary>More UDP endpoints to receive on, such as the Docker bridge's gateway, so that containers reach the server.</summary>
    public IReadOnlyList<IPEndPoint> ExtraUdpEndpoints { get; init; } = [];

    /// <summary>Equal when every setting is, the lists item by item (a settings file read twice gives equal settings).</summary>
    public bool Equals(StatsdSettings? other) =>
        other is not null
        && Listen.Equals(other.Listen)
        && FlushInterval == other.FlushInterval
        && Percentiles.SequenceEqual(other.Percentiles)
        && ExtraUdpEndpoints.SequenceEqual(other.ExtraUdpEndpoints);

    public override int GetHashCode() => HashCode.Combine(Listen, FlushInterval, Percentiles.Count, ExtraUdpEndpoints.Count);

    /// <summary>Throws <see cref="ArgumentException"/> saying what is wrong, if anything.</summary>
    public void Validate()
    {
        if (FlushInterval < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentException($"the StatsD flush interval must be at least 1 ms, not {FlushInterval}");
        }

        foreach (var percentile in Percentiles)
        {
            if (double.IsNaN(percentile) || Math.Abs(percentile) > 100 || Math.Abs(percentile) < 0.0001)
            {
                throw new ArgumentException($"a StatsD percentile must be between -100 and 100 and not 0, not {percentile}");
            }
        }
    }
}
