namespace Sky.Scheduler.Arming;

/// <summary>
/// A job's container created and started ahead of its tick, its shell waiting on <see cref="JobFifo"/>: at the tick
/// only a line has to be written, so the command starts on time however busy the engine is. <see cref="Key"/> is the
/// job's container configuration when it was armed: a changed job never runs in a container armed for the old one.
/// </summary>
internal sealed class ArmedContainer(string job, string key, string id, string name, string folder, JobFifo fifo, Task<long> exited, CancellationTokenSource watching) : IDisposable
{
    public string Job { get; } = job;

    public string Key { get; } = key;

    public string Id { get; } = id;

    public string Name { get; } = name;

    /// <summary>Completes when the container ends; before a release that means it is of no use.</summary>
    public Task<long> Exited { get; } = exited;

    public void Release() => fifo.Release();

    public void Dispose()
    {
        watching.Cancel();
        watching.Dispose();
        fifo.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Removed with the data folder's next clean-up; a left-over pipe does no harm.
        }
    }
}
