namespace Sky.Supervisor.Health;

/// <summary>One check of one container, run again every round (one round at a time); disposed when the checking stops.</summary>
public interface ICheckProbe : IDisposable
{
    /// <summary>
    /// Runs the check once <paramref name="after"/> has passed. The wait is the probe's, so that it can wait and probe
    /// on one thread of its own (<see cref="ProbeThreads"/>). Cancelled, the probe is over: it runs no round again.
    /// </summary>
    ValueTask<CheckOutcome> RunAsync(TimeSpan after, CancellationToken cancellationToken);
}
