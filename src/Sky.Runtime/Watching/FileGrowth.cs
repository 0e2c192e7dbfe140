namespace Sky.Runtime.Watching;

/// <summary>
/// Wakes a reader that has reached the end of a file when the file is written again (<see cref="FileWrites"/>). A
/// daemon follows the logs of hundreds of mostly quiet containers; polling each file five times a second cost a few
/// percent of a core with nothing written, this costs nothing until a line comes. Where the file cannot be watched the
/// reader polls instead, and a long backstop wakes it anyway in case a change was missed.
/// </summary>
internal sealed class FileGrowth : IDisposable
{
    /// <summary>
    /// How long a watched reader waits without any event before it looks anyway. inotify loses no write it reports
    /// (a lost queue wakes every reader), so this only guards against the unforeseen: at 30 s, 300 quiet containers
    /// woke the daemon ten times a second for nothing.
    /// </summary>
    public static readonly TimeSpan Backstop = TimeSpan.FromMinutes(5);

    /// <summary>How often an unwatched reader looks.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly IDisposable? watch;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private Task backstop = Task.CompletedTask;
    private bool written;

    // Kept until a write completes it, across waits that ended otherwise, so waiting never piles up waiters.
    private TaskCompletionSource? waiter;

    public FileGrowth(string path, TimeProvider clock)
    {
        this.clock = clock;
        watch = FileWrites.Shared?.Watch(path, Written);
    }

    /// <summary>
    /// Returns when the file was written since the last call (at once if it already was), when <paramref name="or"/>
    /// completes, or after the backstop (the poll interval when unwatched).
    /// </summary>
    public async Task WaitAsync(Task or, CancellationToken cancellationToken)
    {
        if (watch is null)
        {
            await Task.WhenAny(or, Task.Delay(PollInterval, clock, cancellationToken));
            return;
        }

        // One backstop timer per reader, kept across waits: a busy file is waited on many times a second.
        if (backstop.IsCompleted)
        {
            backstop = Task.Delay(Backstop, clock, cancellationToken);
        }

        Task write;
        lock (gate)
        {
            if (written)
            {
                written = false;
                return;
            }

            waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            write = waiter.Task;
        }

        await Task.WhenAny(write, or, backstop);
        lock (gate)
        {
            written = false;
        }
    }

    private void Written()
    {
        TaskCompletionSource? woken;
        lock (gate)
        {
            written = true;
            woken = waiter;
            waiter = null;
        }

        woken?.TrySetResult();
    }

    public void Dispose() => watch?.Dispose();
}
