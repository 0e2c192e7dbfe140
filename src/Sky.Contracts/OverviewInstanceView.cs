namespace Sky.Contracts;

/// <summary>
/// An instance in the overview: its summary as <c>sky service list</c> gives it (<see cref="Summary"/>), the router's
/// addresses of it (null when it carries no host) and its containers with their newest figures.
/// </summary>
public sealed record OverviewInstanceView(InstanceSummaryView Summary, IReadOnlyList<string>? Addresses, IReadOnlyList<OverviewContainerView> Containers);
