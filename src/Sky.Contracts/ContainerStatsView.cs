namespace Sky.Contracts;

/// <summary>One container's requests, and where it stands with the router now (null: the router does not know it).</summary>
public sealed record ContainerStatsView(string Name, RequestStatsView Stats, RouterStateView? Router);
