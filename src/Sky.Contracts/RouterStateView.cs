namespace Sky.Contracts;

/// <summary>Where a container that carries a host stands with the router now.</summary>
/// <param name="State">Whether it can take requests: <c>ready</c>, <c>starting</c>, <c>unhealthy</c>, <c>crash-looping</c>,
/// <c>cannot-start</c>, <c>stopped</c> or <c>draining</c>.</param>
/// <param name="Breaker">Its breaker: <c>closed</c> (takes every request), <c>ejected</c> (none until
/// <paramref name="EjectedUntil"/>), <c>probing</c> (one trial at a time) or <c>ramping</c> (a growing share).</param>
/// <param name="EjectedUntil">When the ejection ends; null unless ejected.</param>
/// <param name="EjectedForSeconds">Seconds of the ejection left now; null unless ejected.</param>
/// <param name="Ejections">Ejections in a row (the step of the back-off); 0 once it recovered.</param>
/// <param name="InFlight">Requests the router has in flight on it now.</param>
public sealed record RouterStateView(
    string State,
    string Breaker,
    DateTimeOffset? EjectedUntil,
    double? EjectedForSeconds,
    int Ejections,
    int InFlight);
