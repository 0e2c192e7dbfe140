namespace Sky.Model.Routing;

/// <summary>
/// When the router stops sending requests to one container that fails them, and for how long. Connect failures,
/// timeouts and 5xx answers all count as failures. The defaults follow cbp's: half of at least 5 requests in 10 s.
/// </summary>
public sealed record BreakerSettings
{
    /// <summary>Share of failed requests in the window that trips the breaker, above 0 and at most 1.</summary>
    public double FailureRatio { get; init; } = 0.5;

    /// <summary>Fewer requests than this in the window never trip it, however many failed.</summary>
    public int MinimumRequests { get; init; } = 5;

    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The first ejection; each one that follows while it keeps failing lasts twice as long.</summary>
    public TimeSpan FirstEjection { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxEjection { get; init; } = TimeSpan.FromSeconds(60);
}
