namespace Sky.Contracts;

/// <summary><c>GET /services/NAME</c>: a service as it runs now, read from the engine, instance by instance.</summary>
public sealed record ServiceStatusView(string Name, string? Maintainer, long Revision, IReadOnlyList<InstanceStatusView> Instances);
