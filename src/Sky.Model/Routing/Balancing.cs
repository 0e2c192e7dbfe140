namespace Sky.Model.Routing;

/// <summary>How the router spreads the requests of a host over the containers that can take them.</summary>
public enum Balancing
{
    /// <summary>Each container in turn.</summary>
    RoundRobin,

    /// <summary>The container with the fewest requests in flight.</summary>
    LeastRequests,
}
