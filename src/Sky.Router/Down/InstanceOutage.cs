namespace Sky.Router.Down;

/// <summary>One instance behind a host that cannot take requests, and why, in words a person reads on the down page.</summary>
public sealed record InstanceOutage(string Service, string Instance, string Reason, IReadOnlyList<ContainerOutage> Containers);
