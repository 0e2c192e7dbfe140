using Sky.Model;

namespace Sky.Supervisor.Rollouts;

/// <summary>An instance whose new containers did not pass their checks in time, as it was when verified, and why.</summary>
public sealed record RolloutFailure(InstanceSpec Instance, string Reason);
