using System.Diagnostics;
using System.Net.Sockets;
using Sky.Model;
using Sky.Runtime;

namespace Sky.Supervisor.Health;

/// <summary>
/// A check that waits for its turn on <see cref="ProbeThreads"/>, then makes one asynchronous attempt bounded by the
/// check's timeout: the <c>port</c> and <c>command</c> checks, whose awaits go on off the probe threads anyway.
/// </summary>
internal sealed class AttemptProbe(ProbeThreads threads, CheckSpec check, Func<CancellationToken, Task<CheckOutcome>> attempt) : ICheckProbe
{
    public async ValueTask<CheckOutcome> RunAsync(TimeSpan after, CancellationToken cancellationToken)
    {
        await threads.WaitAsync(after, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(check.Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return CheckTexts.Timed(check, await attempt(timeout.Token), Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckTexts.NoAnswer(check);
        }
        catch (Exception exception) when (exception is SocketException or IOException or EngineException or EngineUnavailableException)
        {
            return CheckTexts.Failed(check, exception);
        }
    }

    public void Dispose()
    {
    }
}
