using Sky.Feed;

namespace Sky.Supervisor.Health;

/// <summary>
/// The health of one container from its check results: <c>starting</c> until the first success, <c>healthy</c> after a
/// success, <c>unhealthy</c> after <c>retries</c> failures in a row. Failures inside the start period, before the first
/// success, do not count (the application is still booting). Pure: the caller passes the time of each result.
/// </summary>
public sealed class CheckStateMachine(DateTimeOffset startedAt, TimeSpan startPeriod, int retries)
{
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
        else if (State != HealthNames.Starting || at - startedAt >= startPeriod)
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
