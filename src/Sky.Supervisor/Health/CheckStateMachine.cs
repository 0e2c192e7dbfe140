using Sky.Feed;

namespace Sky.Supervisor.Health;

/// <summary>
/// The health of one container from its check results: <c>starting</c> until the first success, <c>healthy</c> after a
/// success, <c>unhealthy</c> after <c>retries</c> failures in a row. Failures before the first success do not count
/// while the application may still be booting: inside the start period, and in any case inside the first interval.
/// Docker's first probe comes one interval after start; sky probes sooner to see a fast container healthy sooner, and
/// those early probes must not turn a container that is still binding its port into an alert.
/// Pure: the caller passes the time of each result.
/// </summary>
public sealed class CheckStateMachine(DateTimeOffset startedAt, TimeSpan startPeriod, TimeSpan interval, int retries)
{
    private readonly TimeSpan booting = startPeriod > interval ? startPeriod : interval;

    public string State { get; private set; } = HealthNames.Starting;

    /// <summary>Failures in a row that counted.</summary>
    public int Failures { get; private set; }

    /// <summary>Takes in one result; returns true when the state changed.</summary>
    public bool Record(bool ok, DateTimeOffset at)
    {
        var before = State;
        if (ok)
        {
            Failures = 0;
            State = HealthNames.Healthy;
        }
        else if (State != HealthNames.Starting || at - startedAt >= booting)
        {
            Failures++;
            if (Failures >= Math.Max(1, retries))
            {
                State = HealthNames.Unhealthy;
            }
        }

        return State != before;
    }
}
