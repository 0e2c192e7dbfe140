namespace Sky.Contracts;

/// <summary>One instance's requests, and those of each of its containers that carries a host.</summary>
public sealed record InstanceStatsView(string Name, RequestStatsView Stats, IReadOnlyList<ContainerStatsView> Containers);
