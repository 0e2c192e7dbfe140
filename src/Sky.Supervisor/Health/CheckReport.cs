using Sky.Model;

namespace Sky.Supervisor.Health;

/// <summary>
/// One round of checks of one container (its id, and the start the checks judge): the outcome, the health after it,
/// whether the health changed, and whether a failure counted (one per interval).
/// </summary>
public sealed record CheckReport(ContainerSpec Spec, string ContainerId, DateTimeOffset StartedAt, CheckOutcome Outcome, string Health, bool Changed, bool Counted);
