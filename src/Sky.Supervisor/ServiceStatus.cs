namespace Sky.Supervisor;

/// <summary>A service as it runs now, read from the engine (never from memory), for <c>sky service status</c>.</summary>
public sealed record ServiceStatus(string Name, string? Maintainer, long Revision, IReadOnlyList<InstanceStatus> Instances);
