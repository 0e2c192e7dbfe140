namespace Sky.Contracts;

/// <summary>A service of the applied revision and the names of its instances.</summary>
public sealed record ServiceSummaryView(string Name, IReadOnlyList<string> Instances);
