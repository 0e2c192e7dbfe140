namespace Sky.Router.Breaking;

/// <summary>
/// One move of a container's breaker, told to its owner so the router can log it, count ejections and raise alerts.
/// </summary>
/// <param name="EjectedFor">How long this ejection lasts when <paramref name="To"/> is Ejected; zero otherwise.</param>
/// <param name="Ejections">Ejections in a row so far, this one included (the back-off step); 0 once recovered.</param>
/// <param name="WindowRequests">Requests the breaker had counted in its window when it moved (a trip's evidence).</param>
/// <param name="WindowFailures">Failed requests among them.</param>
public sealed record BreakerTransition(
    string Container,
    BreakerState From,
    BreakerState To,
    DateTimeOffset At,
    TimeSpan EjectedFor,
    int Ejections,
    int WindowRequests,
    int WindowFailures);
