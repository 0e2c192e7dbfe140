namespace Sky.Contracts;

/// <summary>A service in the overview: its maintainer (who is told when it breaks) and its instances.</summary>
public sealed record OverviewServiceView(string Name, string? Maintainer, IReadOnlyList<OverviewInstanceView> Instances);
