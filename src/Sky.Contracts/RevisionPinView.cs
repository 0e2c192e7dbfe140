namespace Sky.Contracts;

/// <summary>A service (or instance) a rollback holds at an earlier revision's spec.</summary>
public sealed record RevisionPinView(string Service, string? Instance, long Revision);
