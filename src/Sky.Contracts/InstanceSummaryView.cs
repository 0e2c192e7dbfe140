namespace Sky.Contracts;

/// <summary>
/// One instance in <c>sky service list</c>: whether someone wants it running, its version, how many of its containers
/// run, and a word for its state: <c>running</c>, <c>starting</c>, <c>unhealthy</c>, <c>crash-looping</c>,
/// <c>partly running</c>, <c>down</c> (wanted, nothing runs) or <c>stopped</c> (not wanted, nothing runs).
/// </summary>
public sealed record InstanceSummaryView(string Name, bool Wanted, string? Version, string State, int Running, int Containers);
