using Sky.Model;

namespace Sky.Supervisor;

/// <summary>A revision number with the desired state it resolves to.</summary>
public sealed record ResolvedRevision(long Number, DesiredState State);
