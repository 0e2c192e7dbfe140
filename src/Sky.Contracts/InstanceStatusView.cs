namespace Sky.Contracts;

/// <summary>One instance of a service: whether it is wanted running, and its containers.</summary>
public sealed record InstanceStatusView(string Name, bool WantedRunning, IReadOnlyList<ContainerStatusView> Containers);
