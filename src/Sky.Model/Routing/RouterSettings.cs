namespace Sky.Model.Routing;

/// <summary>How the router treats the routes of one service (<c>router:</c> in the configuration).</summary>
public sealed record RouterSettings
{
    public static RouterSettings Default { get; } = new();

    public Balancing Balancing { get; init; } = Balancing.RoundRobin;

    public BreakerSettings Breaker { get; init; } = new();

    /// <summary>How long requests in flight may take to finish on a container leaving the pool before it is stopped.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Absolute path of an HTML file shown instead of sky's own page when nothing can take a request; null for sky's.</summary>
    public string? DownPage { get; init; }
}
