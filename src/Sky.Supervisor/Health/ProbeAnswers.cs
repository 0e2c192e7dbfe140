using System.Diagnostics;
using System.Net.Sockets;

namespace Sky.Supervisor.Health;

/// <summary>
/// The answers one probe thread waits for after starting the work due at one instant: all their sockets in one poll,
/// each answer taken as it comes, each piece let go of once its answer is whole or its time on the thread is over.
/// </summary>
internal sealed class ProbeAnswers
{
    private readonly List<ProbeWork> waiting = [];
    private readonly List<Socket> readable = [];
    private readonly List<ProbeWork> over = [];

    public void Add(ProbeWork work) => waiting.Add(work);

    /// <summary>Waits until every piece added is let go of; each is let go of (finished) on this thread.</summary>
    public void AwaitAll()
    {
        while (waiting.Count > 0)
        {
            var until = long.MaxValue;
            readable.Clear();
            foreach (var work in waiting)
            {
                until = Math.Min(until, work.AwaitedUntil);
                readable.Add(work.Awaited);
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), until);
            if (left > TimeSpan.Zero)
            {
                // Leaves in the list only the sockets with something to read.
                Socket.Select(readable, null, null, (int)Math.Ceiling(left.TotalMicroseconds));
            }
            else
            {
                readable.Clear();
            }

            var now = Stopwatch.GetTimestamp();
            for (var i = waiting.Count - 1; i >= 0; i--)
            {
                var work = waiting[i];
                if (readable.Contains(work.Awaited) ? work.Take() : now >= work.AwaitedUntil)
                {
                    waiting.RemoveAt(i);
                    over.Add(work);
                }
            }

            // Finished only once out of the list: what awaits the answer goes on here and may give the same work again.
            foreach (var work in over)
            {
                work.Finish();
            }

            over.Clear();
        }
    }
}
