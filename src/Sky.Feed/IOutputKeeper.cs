namespace Sky.Feed;

/// <summary>
/// Asked before sky removes a container that has stopped: whoever keeps its output (the log collector) reads it to
/// the end first, since the engine deletes a container's output with it. Returns at once when nothing is owed.
/// </summary>
public interface IOutputKeeper
{
    Task ReadToEndAsync(string containerId, CancellationToken cancellationToken);
}
