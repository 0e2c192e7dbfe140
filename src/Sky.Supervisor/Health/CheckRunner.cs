using Sky.Feed;
using Sky.Model;

namespace Sky.Supervisor.Health;

/// <summary>
/// Checks one container (one id) until cancelled. Several checks run as one round: the container passes when all of
/// them pass; the round repeats at the shortest interval, and the longest start period and retries apply, so a slow
/// check is never cut short by a fast one.
/// </summary>
public sealed class CheckRunner(ICheckProber prober, TimeProvider clock)
{
    private static readonly TimeSpan FastProbe = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan SlowProbe = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan FastProbingFor = TimeSpan.FromSeconds(5);

    public async Task RunAsync(ContainerSpec spec, string containerId, IReadOnlyDictionary<int, int> published, DateTimeOffset startedAt, Action<CheckReport> report, CancellationToken cancellationToken)
    {
        var checks = spec.Checks;
        var interval = checks.Min(c => c.Interval);
        var machine = new CheckStateMachine(startedAt, checks.Max(c => c.StartPeriod), interval, checks.Max(c => c.Retries));
        DateTimeOffset? lastCounted = null;
        var wait = TimeSpan.Zero;
        while (!cancellationToken.IsCancellationRequested)
        {
            var outcome = new CheckOutcome(true, string.Empty);
            foreach (var check in checks)
            {
                // The round waits before its first check; the others follow at once.
                outcome = await prober.ProbeAsync(check, spec, containerId, published, wait, cancellationToken);
                wait = TimeSpan.Zero;
                if (!outcome.Ok)
                {
                    break;
                }
            }

            // Stopped while probing (its container died or was replaced): the round judged nothing that still exists.
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            // Failures count at most once per interval, however often the container is probed while starting.
            var now = clock.GetUtcNow();
            var counts = outcome.Ok || lastCounted is null || now - lastCounted.Value >= interval;
            lastCounted = counts && !outcome.Ok ? now : lastCounted;
            var failuresBefore = machine.Failures;
            var changed = counts && machine.Record(outcome.Ok, now);

            // A failure the machine ignored (the application still booting) is not one the maintainer hears about.
            var counted = outcome.Ok ? counts : machine.Failures > failuresBefore;
            report(new CheckReport(spec, containerId, startedAt, outcome, machine.State, changed, counted));

            // Until the first success, check more often than the interval so that a replacement counts as healthy and
            // dependents start as soon as it answers: every 100 ms in its first seconds, every 500 ms after that.
            wait = machine.State == HealthNames.Starting ? Min(interval, now - startedAt < FastProbingFor ? FastProbe : SlowProbe) : interval;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
