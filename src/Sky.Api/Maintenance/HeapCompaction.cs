namespace Sky.Api.Maintenance;

/// <summary>
/// Gives the daemon's garbage back once it has piled up in the collector's oldest generation. The collector collects
/// that generation only when it has grown by about what it held at its last full collection, and what a burst leaves
/// there (the start of 300 containers: engine answers, feed changes, first log lines) stays until then, which in a
/// quiet daemon is hours: in <c>bench/footprint.sh</c>, 20 MB of a 48 MB heap with 25 MB alive. Looked at every
/// <see cref="Every"/>: when the heap has grown past what lived at the last full collection by more than
/// <see cref="Compaction.Allowance"/>, one blocking, compacting collection that returns the freed memory to the system.
/// With 25 MB alive that takes 20-50 ms. Aggressive, because a forced compaction left the freed regions committed
/// (44 MB to 43 MB of heap). A quarter: the idle daemon's heap regrows by about 5 MB a minute with 300 containers, so
/// it compacts every two minutes or so; with half, its RSS climbed to 105 MB between compactions (goal 100), with a
/// quarter at most 97.2 MB in two runs. What a compaction costs mostly stays within how this machine's speed varies:
/// 30 s slices with one used 1.00 and 1.37 % of a core, those without 0.90-1.27 %; one slice that also held the metric
/// history's flush used 2.60 % (bench/RESULTS.md, footprint, session 19).
/// </summary>
public sealed class HeapCompaction(TimeProvider clock, ILogger<HeapCompaction> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Every, clock, stoppingToken);
                var heap = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
                var alive = Compaction.AliveAtLastFullCollection();
                if (!Compaction.IsDue(heap, alive))
                {
                    continue;
                }

                var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                var after = GC.GetGCMemoryInfo();
                logger.LogDebug(
                    "heap compacted: {Before} MB -> {After} MB, {Committed} MB -> {CommittedAfter} MB committed, in {Pause} ms",
                    heap >> 20, after.HeapSizeBytes >> 20, committed >> 20, after.TotalCommittedBytes >> 20, after.PauseDurations[0].TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
