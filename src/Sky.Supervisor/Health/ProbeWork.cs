using System.Net.Sockets;

namespace Sky.Supervisor.Health;

/// <summary>
/// One piece of work waiting in <see cref="ProbeThreads"/>. Work that sends a request and waits for its answer returns
/// from <see cref="Start"/> with the socket the answer comes on: the thread starts every piece due at one instant, then
/// waits for all their answers in one poll (<see cref="ProbeAnswers"/>), so a round of checks due together costs one
/// sleep and wake-up, not one per check.
/// </summary>
internal abstract class ProbeWork
{
    /// <summary>
    /// Runs the work unless it was cancelled meanwhile. True when it now waits for an answer on <see cref="Awaited"/>;
    /// false when it is over (its answer given, and what awaits it went on here).
    /// </summary>
    public abstract bool Start();

    /// <summary>The socket the started work waits for its answer on.</summary>
    public virtual Socket Awaited => throw new InvalidOperationException("this work waits for no answer");

    /// <summary>Until when (a <see cref="System.Diagnostics.Stopwatch"/> timestamp) the thread waits for the answer.</summary>
    public virtual long AwaitedUntil => 0;

    /// <summary>Something came on <see cref="Awaited"/>: takes it; true when the answer is whole.</summary>
    public virtual bool Take() => true;

    /// <summary>
    /// The thread has let go of the started work (its answer is whole or its time on the thread is over): gives the
    /// answer, or leaves the rest of the wait to the thread pool.
    /// </summary>
    public virtual void Finish()
    {
    }

    /// <summary>The threads stop before the work ran.</summary>
    public abstract void Abandon();
}
