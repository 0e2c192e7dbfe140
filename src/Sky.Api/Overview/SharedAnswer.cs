namespace Sky.Api.Overview;

/// <summary>
/// One answer built once and handed to every read that comes soon after at the same position (the state feed's
/// sequence), including those that come while it is being built. Open dashboards ask for the overview at the same
/// moment (just after each sample); one build serves them all, and a change in the feed is never answered from before it.
/// </summary>
public sealed class SharedAnswer(TimeProvider clock, TimeSpan reuseFor)
{
    private readonly Lock gate = new();
    private Task<byte[]>? answer;
    private long answerPosition;
    private long builtAt;

    /// <summary>The shared answer when one for <paramref name="position"/> was started within the reuse time; else a new one from <paramref name="build"/>.</summary>
    public Task<byte[]> GetAsync(long position, Func<Task<byte[]>> build)
    {
        lock (gate)
        {
            var now = clock.GetTimestamp();
            if (answer is { IsFaulted: false, IsCanceled: false } shared && answerPosition == position && clock.GetElapsedTime(builtAt, now) < reuseFor)
            {
                return shared;
            }

            answer = Task.Run(build); // not under the lock: a read at another position need not wait for this one
            answerPosition = position;
            builtAt = now;
            return answer;
        }
    }
}
