namespace Sky.Supervisor;

/// <summary>One instance of a service: whether it is wanted running, and its containers.</summary>
public sealed record InstanceStatus(string Name, bool WantedRunning, IReadOnlyList<ContainerStatus> Containers);
