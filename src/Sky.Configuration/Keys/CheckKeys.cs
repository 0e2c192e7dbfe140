namespace Sky.Configuration.Keys;

/// <summary>The rows of the key table (<see cref="ConfigurationKeys.All"/>) that stand in one item of <c>checks:</c>.</summary>
internal static class CheckKeys
{
    public static readonly ConfigurationKey<string?> CheckHttp = new()
    {
        Name = "http",
        Places = KeyPlaces.Check,
        Value = "an HTTP path",
        Example = "/health",
        Summary = "a GET of this path must answer 2xx or 3xx; on `port`, else on the main port",
        Read = (r, node, path) => r.HttpPath(node, path),
    };

    public static readonly ConfigurationKey<int?> CheckPort = new()
    {
        Name = "port",
        Places = KeyPlaces.Check,
        Value = "a port",
        Example = "8080",
        Summary = "a TCP connection to this port must succeed; with `http`, the port to ask",
        Read = (r, node, path) => r.Values.Port(node, path),
    };

    public static readonly ConfigurationKey<string?> CheckCommand = new()
    {
        Name = "command",
        Places = KeyPlaces.Check,
        Value = "a command",
        Example = "pg_isready",
        Summary = "a command run inside the container must exit 0",
        Read = (r, node, path) => r.Values.Text(node, path, "a command"),
    };

    public static readonly ConfigurationKey<TimeSpan?> CheckInterval = new()
    {
        Name = "interval",
        Places = KeyPlaces.Check,
        Value = "a duration",
        Example = "5s",
        Summary = "time between two checks (default 5s)",
        Read = (r, node, path) => r.Values.Duration(node, path),
    };

    public static readonly ConfigurationKey<TimeSpan?> CheckTimeout = new()
    {
        Name = "timeout",
        Places = KeyPlaces.Check,
        Value = "a duration",
        Example = "2s",
        Summary = "how long one check may take (default 2s)",
        Read = (r, node, path) => r.Values.Duration(node, path),
    };

    public static readonly ConfigurationKey<int?> CheckRetries = new()
    {
        Name = "retries",
        Places = KeyPlaces.Check,
        Value = "a number of 1 or more",
        Example = "3",
        Summary = "failures in a row before the container is unhealthy (default 2)",
        Read = (r, node, path) => r.Values.AtLeastOne(node, path, "retries"),
    };

    public static readonly ConfigurationKey<TimeSpan?> CheckStartPeriod = new()
    {
        Name = "start-period",
        Places = KeyPlaces.Check,
        Value = "a duration, `0s` allowed",
        Example = "10s",
        Summary = "failures this soon after the container starts do not count (default 0s; failures before the first success inside the first `interval` never count)",
        Read = (r, node, path) => r.Values.Duration(node, path, allowZero: true),
    };

    /// <summary>The rows, in the reference's order.</summary>
    public static IReadOnlyList<ConfigurationKey> All { get; } =
        [CheckHttp, CheckPort, CheckCommand, CheckInterval, CheckTimeout, CheckRetries, CheckStartPeriod];
}
