namespace Sky.Contracts;

/// <summary>A service of the applied revision and how each of its instances is doing.</summary>
public sealed record ServiceSummaryView(string Name, IReadOnlyList<InstanceSummaryView> Instances);
