namespace Sky.Model;

/// <summary>The person who answers for a service or job: alerts and job notifications go to them.</summary>
public sealed record Maintainer(string Name, string Email);
