namespace Sky.Supervisor.Rollouts;

/// <summary>
/// How the rollout of one revision ended: every changed instance took (<see cref="RolloutStates.Healthy"/>), or some
/// failed and went back (<see cref="RolloutStates.RolledBack"/>, with the revision that did it) or could not
/// (<see cref="RolloutStates.Failed"/>); a line per instance that failed says why.
/// </summary>
public sealed record RolloutOutcome(string State, IReadOnlyList<string> Messages, long? RollbackRevision = null);
