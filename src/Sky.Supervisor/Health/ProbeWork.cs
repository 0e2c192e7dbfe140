namespace Sky.Supervisor.Health;

/// <summary>One piece of work waiting in <see cref="ProbeThreads"/>.</summary>
internal abstract class ProbeWork
{
    /// <summary>Runs the work unless it was cancelled meanwhile, and completes its answer (what awaits it goes on here).</summary>
    public abstract void Run();

    /// <summary>The threads stop before the work ran.</summary>
    public abstract void Abandon();
}

/// <summary>Work with an answer of type <typeparamref name="T"/>.</summary>
internal sealed class ProbeWork<T> : ProbeWork
{
    private readonly Func<T> work;
    private readonly CancellationToken cancellationToken;
    private readonly CancellationTokenRegistration registration;

    // Continuations run where the answer is set, on purpose: the check round goes on on the probe thread.
    private readonly TaskCompletionSource<T> answer = new();

    public ProbeWork(Func<T> work, CancellationToken cancellationToken)
    {
        this.work = work;
        this.cancellationToken = cancellationToken;
        registration = cancellationToken.UnsafeRegister(static state => ((ProbeWork<T>)state!).Cancel(), this);
    }

    public Task<T> Answer => answer.Task;

    public override void Run()
    {
        registration.Dispose();
        if (answer.Task.IsCompleted)
        {
            return;
        }

        T result;
        try
        {
            result = work();
        }
        catch (Exception exception)
        {
            answer.TrySetException(exception);
            return;
        }

        answer.TrySetResult(result);
    }

    public override void Abandon()
    {
        registration.Dispose();
        answer.TrySetCanceled();
    }

    private void Cancel() => answer.TrySetCanceled(cancellationToken);
}
