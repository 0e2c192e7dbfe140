namespace Sky.Runtime;

/// <summary>
/// One event of the engine's stream: <see cref="Type"/> is <c>container</c>, <c>network</c>...; <see cref="Action"/>
/// is <c>start</c>, <c>die</c>, <c>oom</c>, <c>destroy</c>...; attributes hold the labels and, for <c>die</c>, the exit code.
/// </summary>
public sealed record EngineEvent(string Type, string Action, string ActorId, IReadOnlyDictionary<string, string> Attributes, DateTimeOffset Time)
{
    public string? Name => Attributes.GetValueOrDefault("name");
}
