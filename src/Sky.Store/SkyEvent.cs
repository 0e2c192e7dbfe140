namespace Sky.Store;

/// <summary>One thing sky did or saw (a container started, a configuration applied...), for people reading history.</summary>
public sealed record SkyEvent(long Id, DateTimeOffset Time, string Kind, string? Service, string? Instance, string Message);
