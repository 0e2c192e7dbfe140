namespace Sky.Feed;

/// <summary>No router: nothing to drain.</summary>
public sealed class NoDrain : IContainerDrain
{
    public static NoDrain Instance { get; } = new();

    public Task DrainAsync(string containerId, CancellationToken cancellationToken) => Task.CompletedTask;
}
