namespace Sky.Logs.Forwarding;

/// <summary>
/// How long a sender waits before trying a failing target again: <see cref="First"/>, doubled on each failure in a
/// row up to <see cref="Longest"/>. Short enough that a restarted receiver gets its lines within seconds, long enough
/// that a target that stays down costs next to nothing.
/// </summary>
internal sealed class ReconnectBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(5);

    private TimeSpan next = First;

    /// <summary>The wait before the next try; each call doubles the one after.</summary>
    public TimeSpan Next()
    {
        var wait = next;
        next = next * 2 < Longest ? next * 2 : Longest;
        return wait;
    }

    /// <summary>After a success: the next failure waits <see cref="First"/> again.</summary>
    public void Reset() => next = First;
}
