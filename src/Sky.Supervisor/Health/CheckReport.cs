using Sky.Model;

namespace Sky.Supervisor.Health;

/// <summary>One round of checks of one container: the outcome, the health after it, whether the health changed, and whether a failure counted (one per interval).</summary>
public sealed record CheckReport(ContainerSpec Spec, string ContainerId, CheckOutcome Outcome, string Health, bool Changed, bool Counted);
