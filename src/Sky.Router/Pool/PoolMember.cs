using Sky.Router.Breaking;
using Sky.Router.Metrics;
using Sky.Router.Table;

namespace Sky.Router.Pool;

/// <summary>
/// What the router keeps of one container across route-table swaps: its breaker, its requests in flight and whether
/// it is draining. A container of the same name but another id (a replacement) is a new member with a fresh breaker; the
/// same id under another name (renamed to retire) is the same member, its requests in flight still counted.
/// </summary>
public sealed class PoolMember(Backend backend, ContainerBreaker breaker)
{
    private readonly Lock gate = new();
    private int inFlight;
    private volatile bool draining;
    private TaskCompletionSource? idle;

    /// <summary>The container's name now: a start-first rollout renames the container it retires, and its member follows it.</summary>
    public string Container => Backend.Container;

    public string? ContainerId { get; } = backend.ContainerId;

    /// <summary>The container as the latest route table has it.</summary>
    public Backend Backend { get; set; } = backend;

    public ContainerBreaker Breaker { get; } = breaker;

    /// <summary>Who its requests are counted for: made once, not per request.</summary>
    public RequestRoute Route { get; } = new(backend.Service, backend.Instance, backend.Container);

    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>True from the moment sky asks to drain it: no new request goes to it.</summary>
    public bool Draining => draining;

    /// <summary>Whether a new request may be sent to it now: not draining, and its breaker lets this one through.</summary>
    public bool TryAdmit() => !draining && Breaker.TryAdmit();

    public void RequestStarted() => Interlocked.Increment(ref inFlight);

    public void RequestEnded()
    {
        if (Interlocked.Decrement(ref inFlight) == 0 && draining)
        {
            lock (gate)
            {
                idle?.TrySetResult();
            }
        }
    }

    /// <summary>Takes it out of the pool; completes when its last request in flight ends (the caller bounds the wait).</summary>
    public Task DrainAsync()
    {
        lock (gate)
        {
            draining = true;
            idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (InFlight == 0)
            {
                idle.TrySetResult();
            }

            return idle.Task;
        }
    }
}
