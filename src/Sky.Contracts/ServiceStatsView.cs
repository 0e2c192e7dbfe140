namespace Sky.Contracts;

/// <summary>
/// <c>GET /services/NAME/stats</c>: what the router saw of a service's requests over the last
/// <see cref="WindowSeconds"/> whole seconds (the second still counting is left out), for the service, each instance
/// and each of their containers that carries a host.
/// </summary>
/// <param name="Series">The service's 1 s samples over the window, oldest first; only when asked for (<c>series=true</c>).</param>
public sealed record ServiceStatsView(
    string Name,
    double WindowSeconds,
    DateTimeOffset At,
    RequestStatsView Total,
    IReadOnlyList<InstanceStatsView> Instances,
    IReadOnlyList<StatsSampleView>? Series = null);
