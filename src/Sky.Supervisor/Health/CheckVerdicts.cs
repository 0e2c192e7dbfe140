using System.Diagnostics.CodeAnalysis;
using Sky.Alerts;
using Sky.Feed;
using Sky.Model;
using Sky.Store;
using Sky.Supervisor.Restarts;
using Sky.Supervisor.Supervision;

namespace Sky.Supervisor.Health;

/// <summary>
/// What a check's verdict changes: the container's health in the registry (and so, in the same step, on the state
/// feed), the event log when it turns unhealthy or recovers, and the maintainer's alerts. A container that runs without
/// checks counts as healthy once running.
/// </summary>
public sealed class CheckVerdicts(HealthRegistry registry, EventLog events, RestartHistory history, AlertSignals signals)
{
    /// <summary>Whether the entry is about the container, and the start of it, that the report judged.</summary>
    private static bool About([NotNullWhen(true)] HealthEntry? entry, CheckReport report) =>
        entry is not null && entry.ContainerId == report.ContainerId && (entry.CheckedStart is null || entry.CheckedStart == report.StartedAt);

    /// <summary>Takes one report of a check runner; returns true when the health changed.</summary>
    public bool Take(CheckReport report)
    {
        var spec = report.Spec;
        var looping = history.CrashLooping(spec.Name);
        var before = registry.Entry(spec.Name);
        if (!About(before, report))
        {
            return false;
        }

        var recovered = report.Changed && report.Health == HealthNames.Healthy && before.AwaitingRecovery;
        var unhealthy = report.Changed && report.Health == HealthNames.Unhealthy;
        var stored = true;
        registry.Update(spec.Name, e =>
        {
            // A runner stopped meanwhile (its container restarted in place) may still report its last round: not here.
            if (!About(e, report))
            {
                stored = false;
                return e ?? before;
            }

            return e with
            {
                Health = looping ? HealthNames.CrashLooping : report.Health,
                LastCheck = report.Outcome.Text,
                AwaitingRecovery = !recovered && (e.AwaitingRecovery || unhealthy),
            };
        });
        if (!stored)
        {
            return false;
        }

        if (!report.Outcome.Ok && report.Counted)
        {
            signals.Signal(SignalKind.CheckFailed, spec, $"check of {spec.Name} failed: {report.Outcome.Text}");
        }

        if (unhealthy)
        {
            var message = $"{spec.Name} is unhealthy: {report.Outcome.Text}";
            events.Append("unhealthy", spec.Service, spec.Instance, message);
            signals.Signal(SignalKind.Unhealthy, spec, message);
        }

        if (recovered)
        {
            var message = $"{spec.Name} is healthy again: {report.Outcome.Text}";
            events.Append("recovered", spec.Service, spec.Instance, message);
            signals.Signal(SignalKind.Recovered, spec, message);
        }

        return report.Changed;
    }

    /// <summary>A container without checks is healthy once running (and owes a recovery notice if it was down).</summary>
    public void RunningWithoutChecks(ContainerSpec spec, string containerId)
    {
        var before = registry.Entry(spec.Name);
        if (before is not null && before.ContainerId == containerId && before.Health == HealthNames.Healthy)
        {
            return;
        }

        registry.Update(spec.Name, e => new HealthEntry(containerId, HealthNames.Healthy, null, e?.Restarts ?? 0));
        if (before?.AwaitingRecovery == true)
        {
            var message = $"{spec.Name} runs again";
            events.Append("recovered", spec.Service, spec.Instance, message);
            signals.Signal(SignalKind.Recovered, spec, message);
        }
    }
}
