namespace Sky.Logs.Collection;

/// <summary>
/// Tells the log flush that a reader took a line since the last flush: a daemon whose containers print nothing does
/// not wake five times a second to store nothing (each wake-up of a timer and a pool thread costs, in a virtual
/// machine, about what a check costs).
/// </summary>
internal sealed class LinesArrived
{
    private TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int raised;

    /// <summary>Called for every line taken: past the first since the last <see cref="Reset"/>, one read of a flag.</summary>
    public void Raise()
    {
        if (Volatile.Read(ref raised) == 0 && Interlocked.Exchange(ref raised, 1) == 0)
        {
            Volatile.Read(ref signal).TrySetResult();
        }
    }

    /// <summary>Completes once a line has been taken since the last <see cref="Reset"/>.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => Volatile.Read(ref signal).Task.WaitAsync(cancellationToken);

    /// <summary>Called before a flush takes the lines: a line taken from here on raises the signal again.</summary>
    public void Reset()
    {
        Volatile.Write(ref signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        Volatile.Write(ref raised, 0);
    }
}
