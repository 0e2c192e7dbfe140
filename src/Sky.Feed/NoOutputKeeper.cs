namespace Sky.Feed;

/// <summary>For a daemon (or a test) without a log collector: nothing to wait for before a removal.</summary>
public sealed class NoOutputKeeper : IOutputKeeper
{
    public static NoOutputKeeper Instance { get; } = new();

    public Task ReadToEndAsync(string containerId, CancellationToken cancellationToken) => Task.CompletedTask;
}
