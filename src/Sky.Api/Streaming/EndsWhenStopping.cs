namespace Sky.Api.Streaming;

/// <summary>
/// Marks an endpoint whose answer lasts as long as the client wants (a followed log, the state feed, a rollout being
/// waited on, an attached terminal): it ends when the daemon stops, instead of holding the stop for the host's whole
/// shutdown timeout (30 s) until the connection is cut. A dashboard page left open kept <c>sky daemon</c> from
/// stopping for those 30 s.
/// </summary>
public sealed class EndsWhenStopping
{
    public static readonly EndsWhenStopping Instance = new();

    private EndsWhenStopping()
    {
    }
}
