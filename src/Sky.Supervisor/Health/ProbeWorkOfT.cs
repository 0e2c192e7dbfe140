namespace Sky.Supervisor.Health;

/// <summary>Work of a function with an answer of type <typeparamref name="T"/>, run whole when it starts.</summary>
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

    public override bool Start()
    {
        registration.Dispose();
        if (answer.Task.IsCompleted)
        {
            return false;
        }

        T result;
        try
        {
            result = work();
        }
        catch (Exception exception)
        {
            answer.TrySetException(exception);
            return false;
        }

        answer.TrySetResult(result);
        return false;
    }

    public override void Abandon()
    {
        registration.Dispose();
        answer.TrySetCanceled();
    }

    private void Cancel() => answer.TrySetCanceled(cancellationToken);
}
