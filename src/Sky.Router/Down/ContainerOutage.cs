namespace Sky.Router.Down;

/// <summary>One container behind a host and the state that keeps it from taking requests.</summary>
public sealed record ContainerOutage(string Name, string State);
