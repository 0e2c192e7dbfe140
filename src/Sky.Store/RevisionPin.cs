namespace Sky.Store;

/// <summary>
/// A service (or one instance of it) held at its spec of an earlier revision, whatever its source now says: what a
/// rollback leaves. It stays until the source that defines the service changes that definition.
/// </summary>
public sealed record RevisionPin(string Service, string? Instance, long Revision);
