using System.Globalization;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Model;
using Sky.Planning;
using Sky.Runtime;

namespace Sky.Supervisor.Health;

/// <summary>
/// Holds back the start of a container until the dependencies it requires that have checks are healthy, within a
/// bound derived from their checks (start period + retries × interval + timeout, plus a margin, at most two minutes).
/// Dependencies without checks count as ready once running, which the plan's order already ensures. It waits on the
/// state feed's health verdicts, so a dependent starts the moment its dependency's check passes.
/// </summary>
public sealed class HealthGate(IContainerRuntime runtime, IContainerHealthView health, StateFeed feed, Plan plan)
{
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(15);

    private readonly HealthWaiter waiter = new(health, feed);

    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, ContainerSpec> specs = plan.Steps
        .Where(s => s.Spec is not null)
        .GroupBy(s => s.Target, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Spec!, StringComparer.Ordinal);

    /// <summary>How long to wait for a dependency with these checks to become healthy.</summary>
    public static TimeSpan Bound(IReadOnlyList<CheckSpec> checks)
    {
        var longest = checks.Max(c => c.StartPeriod + (c.Interval * c.Retries) + c.Timeout) + Margin;
        return longest > Limit ? Limit : longest;
    }

    public async Task WaitForDependenciesAsync(ContainerSpec spec, Action<string> waiting, CancellationToken cancellationToken)
    {
        // Without a supervisor nothing runs checks, and waiting could only end in a time-out.
        if (!health.RunsChecks)
        {
            return;
        }

        foreach (var dependency in spec.DependsOn)
        {
            if (specs.GetValueOrDefault(dependency) is not { Checks.Count: > 0 } dependencySpec)
            {
                continue;
            }

            var container = await runtime.InspectContainerAsync(dependency, cancellationToken)
                ?? throw new OperationException(OperationErrorKind.Failed, $"{dependency} does not exist, so {spec.Name} cannot start");
            if (health.IsHealthy(dependency, container.Id))
            {
                continue;
            }

            waiting($"waiting for {dependency} to be healthy");
            var bound = Bound(dependencySpec.Checks);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(bound);
            if (!await waiter.HealthyWithinAsync(dependency, container.Id, timeout.Token) && !cancellationToken.IsCancellationRequested)
            {
                var last = health.Get(dependency)?.LastCheck ?? "no check result yet";
                throw new OperationException(
                    OperationErrorKind.Failed,
                    $"{dependency} did not become healthy within {bound.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s (last check: {last}), so {spec.Name} was not started");
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
