namespace Sky.Contracts;

/// <summary><c>GET /services</c>: what the applied revision defines, services with their instances and jobs.</summary>
public sealed record ServiceListView(long Revision, IReadOnlyList<ServiceSummaryView> Services, IReadOnlyList<JobSummaryView> Jobs);
