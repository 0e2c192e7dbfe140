namespace Sky.Supervisor.Supervision;

/// <summary>
/// When the engine went away and came back. An engine that restarts stops every container on its way down and reports
/// it as an ordinary stop, which alone would read as "a person stopped it" and leave services down. A container whose
/// end falls in an outage (widened by the engine's shutdown grace, during which it stops containers while still
/// answering) was stopped by the engine, not by a person. Thread-safe: the event pump and the passes both report.
/// </summary>
public sealed class EngineOutages(TimeProvider clock)
{
    /// <summary>How long before its API goes away an engine may be stopping containers (Docker's default shutdown timeout is 15 s).</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(30);

    private const int Kept = 8;

    private readonly Lock gate = new();
    private readonly Queue<(DateTimeOffset From, DateTimeOffset To)> outages = new();
    private DateTimeOffset? lostAt;
    private bool engineUnreachable;

    /// <summary>The event stream broke; <paramref name="unreachable"/> when the engine itself could not be reached.</summary>
    public void StreamLost(bool unreachable)
    {
        lock (gate)
        {
            lostAt ??= clock.GetUtcNow();
            engineUnreachable |= unreachable;
        }
    }

    /// <summary>The engine answered a request: if it had been away, the outage is over (returns true once for it).</summary>
    public bool EngineAnswered()
    {
        lock (gate)
        {
            var ended = false;
            if (lostAt is { } lost && engineUnreachable)
            {
                ended = true;
                outages.Enqueue((lost - ShutdownGrace, clock.GetUtcNow()));
                if (outages.Count > Kept)
                {
                    outages.Dequeue();
                }
            }

            lostAt = null;
            engineUnreachable = false;
            return ended;
        }
    }

    public bool Covers(DateTimeOffset time)
    {
        lock (gate)
        {
            return outages.Any(o => time >= o.From && time <= o.To);
        }
    }
}
