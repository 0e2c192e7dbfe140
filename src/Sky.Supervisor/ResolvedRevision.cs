using Sky.Model;
using Sky.Store;

namespace Sky.Supervisor;

/// <summary>A revision number with the desired state it resolves to and what it holds (its sources and pins).</summary>
public sealed record ResolvedRevision(long Number, DesiredState State, RevisionContent Content);
