using Sky.Model;

namespace Sky.Runtime;

/// <summary>
/// Says who holds a container name sky could not create a container under (the engine's 409), in a sentence a person
/// can act on, when the holder is another sky daemon of the same namespace: the usual cause of a clash, and one only the
/// person running the two daemons can settle.
/// </summary>
public static class TakenNames
{
    /// <summary>
    /// The sentence for a name held by another daemon's container; null when the holder is this daemon's, not sky's,
    /// gone, or the engine cannot say (the caller then keeps the engine's own error).
    /// </summary>
    public static async Task<string?> HeldByAnotherDaemonAsync(this IContainerRuntime runtime, Naming naming, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await runtime.InspectContainerAsync(name, cancellationToken) is { } holder && naming.ForeignDaemon(holder.Labels) is { } other
                ? Sentence(name, other)
                : null;
        }
        catch (Exception exception) when (exception is EngineException or EngineUnavailableException)
        {
            return null;
        }
    }

    /// <summary>What a person can do about it: only they know which of the two daemons should run the container.</summary>
    public const string Remedy = "stop that daemon's service or start this one with --namespace";

    /// <summary><c>container name web is taken by another sky daemon (identity 3f9a2c71b0de, data folder /srv/sky)</c>.</summary>
    public static string Problem(string name, DaemonIdentity other) => $"container name {name} is taken by another sky daemon ({other})";

    /// <summary>The problem and the remedy: <c>container name web is taken by another sky daemon (...): stop that daemon's service...</c>.</summary>
    public static string Sentence(string name, DaemonIdentity other) => $"{Problem(name, other)}: {Remedy}";
}
