namespace Sky.Contracts;

/// <summary>One entry of the event log: what sky did or saw, and why.</summary>
public sealed record EventView(long Id, DateTimeOffset Time, string Kind, string? Service, string? Instance, string Message);
