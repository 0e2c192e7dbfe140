namespace Sky.Api.Streaming;

public static class StreamingEndpoints
{
    /// <summary>The endpoint's answer ends when the daemon stops (see <see cref="EndsWhenStopping"/>).</summary>
    public static TBuilder EndsWhenTheDaemonStops<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(EndsWhenStopping.Instance);
}
