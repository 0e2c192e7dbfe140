namespace Sky.Model.Metrics;

/// <summary>
/// The names sky itself measures, as <c>sky metrics</c> shows them and alert rules name them: every container's
/// resources, and each routed instance's requests. Applications add their own through StatsD (<c>stats.*</c>,
/// <c>stats_counts.*</c>) and polled endpoints.
/// </summary>
public static class MetricNames
{
    public const string CpuPercent = "cpu.percent";
    public const string MemoryUsage = "memory.usage";
    public const string MemoryLimit = "memory.limit";
    public const string MemoryPercent = "memory.percent";
    public const string NetworkReceived = "network.rx.rate";
    public const string NetworkSent = "network.tx.rate";
    public const string BlockRead = "blkio.read.rate";
    public const string BlockWritten = "blkio.write.rate";

    public const string Requests = "requests.rate";
    public const string Requests2xx = "requests.2xx.rate";
    public const string Requests3xx = "requests.3xx.rate";
    public const string Requests4xx = "requests.4xx.rate";
    public const string Requests5xx = "requests.5xx.rate";
    public const string RequestErrors = "requests.errors.percent";
    public const string InFlight = "requests.in-flight";
    public const string LatencyP50 = "latency.p50";
    public const string LatencyP90 = "latency.p90";
    public const string LatencyP99 = "latency.p99";

    /// <summary>1 when polling the endpoint failed (refused, timed out, not 200, unreadable), 0 when it worked.</summary>
    public const string ExpvarFailed = "expvar.failed";
    public const string PrometheusFailed = "prometheus.failed";

    /// <summary>A container's resources, sampled every <c>metrics.sample-interval</c>.</summary>
    public static readonly IReadOnlyList<string> Resources = [CpuPercent, MemoryUsage, MemoryLimit, MemoryPercent, NetworkReceived, NetworkSent, BlockRead, BlockWritten];

    /// <summary>An instance's requests through the router (latencies in milliseconds).</summary>
    public static readonly IReadOnlyList<string> Router = [Requests, Requests2xx, Requests3xx, Requests4xx, Requests5xx, RequestErrors, InFlight, LatencyP50, LatencyP90, LatencyP99];

    /// <summary>Prefixes of the names etsy statsd's legacy namespace gives (global: they belong to no one service).</summary>
    public static readonly IReadOnlyList<string> StatsdPrefixes = ["stats.", "stats_counts."];

    /// <summary>Every name sky measures itself, declared after the lists it joins (static fields are set in order).</summary>
    public static readonly IReadOnlyList<string> BuiltIn = [.. Resources, .. Router, ExpvarFailed, PrometheusFailed];

    public static bool IsBuiltIn(string name) => BuiltIn.Contains(name);

    public static bool IsStatsd(string name) => StatsdPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));
}
