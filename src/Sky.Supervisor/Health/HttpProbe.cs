using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Threading.Tasks.Sources;
using Sky.Model;

namespace Sky.Supervisor.Health;

/// <summary>
/// One container's HTTP check, made once and run every round on <see cref="ProbeThreads"/>: it connects and sends
/// when its turn comes, and the thread waits for the status line together with the other checks due at that instant,
/// at most <see cref="OnThreadFor"/>; a slower answer is awaited off the thread. The same object is the work in the
/// threads' queue and the answer its runner awaits, and a quick answer like the last one is the last outcome again, so
/// a round leaves nothing behind that waits for the next: with 300 containers checked every 10 s, the work items,
/// tasks and state machines each round made lived those 10 s, long enough to reach the collector's oldest generation.
/// </summary>
internal sealed class HttpProbe : ProbeWork, ICheckProbe, IValueTaskSource<CheckOutcome>
{
    /// <summary>How long a probe thread waits for an answer before leaving the rest of the wait to the thread pool.</summary>
    internal static readonly TimeSpan OnThreadFor = TimeSpan.FromMilliseconds(50);

    private const int Idle = 0;
    private const int Queued = 1;
    private const int Running = 2;
    private const int Cancelled = 3;

    private readonly ProbeThreads threads;
    private readonly CheckSpec check;
    private readonly int? hostPort;
    private readonly int port;
    private readonly byte[] request;
    private readonly byte[] buffer = new byte[HttpCheckCall.MaxStatusLine];

    // Continuations run where the answer is set (not asynchronously), on purpose: the round goes on on the probe thread.
    private ManualResetValueTaskSourceCore<CheckOutcome> answer;
    private CancellationToken cancellationToken;
    private CancellationTokenRegistration registration;
    private HttpCheckCall? call;
    private CheckOutcome? taken;
    private CheckOutcome? lastQuick;
    private int lastQuickStatus;
    private int state;

    /// <param name="hostPort">Where the container's <paramref name="port"/> is published on 127.0.0.1; null when it is not.</param>
    public HttpProbe(ProbeThreads threads, CheckSpec check, int port, int? hostPort)
    {
        this.threads = threads;
        this.check = check;
        this.port = port;
        this.hostPort = hostPort;
        request = HttpCheckCall.Request(hostPort ?? 0, CheckProber.RequestTarget(check.Path));
    }

    public override Socket Awaited => call!.Socket;

    public override long AwaitedUntil => call!.StartedAt + (long)((check.Timeout < OnThreadFor ? check.Timeout : OnThreadFor).TotalSeconds * Stopwatch.Frequency);

    public ValueTask<CheckOutcome> RunAsync(TimeSpan after, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref state, Queued, Idle) != Idle)
        {
            throw new InvalidOperationException($"{check} runs one round at a time, and none after it was cancelled");
        }

        answer.Reset();
        this.cancellationToken = cancellationToken;
        registration = cancellationToken.UnsafeRegister(static probe => ((HttpProbe)probe!).Cancel(), this);
        threads.Schedule(this, after);
        return new ValueTask<CheckOutcome>(this, answer.Version);
    }

    public override bool Start()
    {
        registration.Dispose();
        if (Interlocked.CompareExchange(ref state, Running, Queued) != Queued)
        {
            return false;
        }

        if (hostPort is not { } published)
        {
            Give(new CheckOutcome(false, $"{check}: port {port.ToString(CultureInfo.InvariantCulture)} is not published"));
            return false;
        }

        try
        {
            call = HttpCheckCall.Send(published, request, check.Timeout, buffer);
            return true;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.TimedOut)
        {
            Give(CheckTexts.NoAnswer(check));
        }
        catch (SocketException exception)
        {
            Give(CheckTexts.Failed(check, exception));
        }

        return false;
    }

    public override bool Take()
    {
        try
        {
            if (!call!.TryTakeStatus(out var status))
            {
                return false;
            }

            taken = Answer(status);
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            taken = CheckTexts.Failed(check, exception);
        }

        return true;
    }

    public override void Finish()
    {
        if (taken is { } outcome)
        {
            taken = null;
            Give(outcome);
        }
        else if (Stopwatch.GetElapsedTime(call!.StartedAt) >= check.Timeout)
        {
            Give(CheckTexts.NoAnswer(check));
        }
        else
        {
            _ = AwaitRestAsync();
        }
    }

    public override void Abandon()
    {
        registration.Dispose();
        if (Interlocked.CompareExchange(ref state, Cancelled, Queued) == Queued)
        {
            answer.SetException(new OperationCanceledException("the checks stopped"));
        }
    }

    public void Dispose()
    {
        registration.Dispose();
        call?.Dispose();
    }

    CheckOutcome IValueTaskSource<CheckOutcome>.GetResult(short token) => answer.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<CheckOutcome>.GetStatus(short token) => answer.GetStatus(token);

    void IValueTaskSource<CheckOutcome>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        answer.OnCompleted(continuation, state, token, flags);

    /// <summary>The outcome of an answer: the last one again when it is as quick and says the same.</summary>
    private CheckOutcome Answer(int status)
    {
        var took = Stopwatch.GetElapsedTime(call!.StartedAt);
        var notable = CheckTexts.Notable(check, took);
        if (!notable && status == lastQuickStatus && lastQuick is { } same)
        {
            return same;
        }

        var outcome = CheckTexts.Timed(check, new CheckOutcome(status is >= 200 and < 400, $"HTTP {status.ToString(CultureInfo.InvariantCulture)}"), took);
        (lastQuick, lastQuickStatus) = notable ? (null, 0) : (outcome, status);
        return outcome;
    }

    /// <summary>Waits off the probe thread for an answer slower than it waits, until the check's timeout.</summary>
    private async Task AwaitRestAsync()
    {
        var running = call!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var left = check.Timeout - Stopwatch.GetElapsedTime(running.StartedAt);
        timeout.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        CheckOutcome outcome;
        try
        {
            outcome = Answer(await running.ReadStatusAsync(timeout.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = CheckTexts.NoAnswer(check);
        }
        catch (OperationCanceledException exception)
        {
            Volatile.Write(ref state, Cancelled);
            EndCall();
            answer.SetException(exception);
            return;
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            outcome = CheckTexts.Failed(check, exception);
        }

        Give(outcome);
    }

    /// <summary>Ends the round with <paramref name="outcome"/>: the probe is idle again before what awaits it goes on.</summary>
    private void Give(CheckOutcome outcome)
    {
        EndCall();
        Volatile.Write(ref state, Idle);
        answer.SetResult(outcome);
    }

    private void EndCall()
    {
        call?.Dispose();
        call = null;
    }

    private void Cancel()
    {
        if (Interlocked.CompareExchange(ref state, Cancelled, Queued) == Queued)
        {
            answer.SetException(new OperationCanceledException(cancellationToken));
        }
    }
}
