namespace Sky.Model.Routing;

/// <summary>
/// On an instance: a copy of each request it receives also goes to <paramref name="Instance"/> of the same service
/// (<c>mirror: dev</c>), for <paramref name="Percent"/> of the requests. The copies' answers are thrown away.
/// </summary>
public sealed record MirrorSpec(string Instance, int Percent = 100);
