using HdrHistogram;

namespace Sky.Router.Metrics;

/// <summary>
/// The last hour of one <see cref="MetricsKey"/>, one second at a time, in a ring of 360 blocks of 10 s.
/// </summary>
/// <remarks>
/// Memory: 3 KB for the ring once the series exists; ~1 KB per 10 s block that saw a request (so at most ~350 KB for a
/// busy hour); 12 bytes per distinct latency bucket of each closed block (a few KB typically, 40 KB at the very most);
/// and 40 KB for the live latency histograms (the recorder's two, the open block's accumulator), made at the first
/// finished request. Counters are incremented in place with Interlocked; only latencies need a hand-over: requests
/// record into an HdrHistogram <see cref="Recorder"/>, and the first call in a later second takes its interval under
/// the lock, writes that second's percentiles and adds it to the open block's accumulator, which becomes a
/// <see cref="SparseLatencies"/> when the block closes. A latency recorded while another thread rolls the second on
/// may land in the next second's percentiles; no request is lost.
/// </remarks>
internal sealed class MetricsSeries
{
    public const int KeptSeconds = 3600;
    private const int BlockCount = KeptSeconds / SecondsBlock.Length;

    private readonly SecondsBlock?[] blocks = new SecondsBlock?[BlockCount];
    private readonly Lock gate = new();
    private long latencySecond = long.MinValue;
    private Recorder? recorder;
    private HistogramBase? spareInterval;
    private HistogramBase? openBlockLatencies;
    private int inFlight;

    public int InFlight => Math.Max(0, Volatile.Read(ref inFlight));

    public void Started(long second)
    {
        var now = Interlocked.Increment(ref inFlight);
        SecondCounters.RaiseTo(ref CountersOf(second).InFlightPeak, now);
    }

    public void Finished(long second, StatusClass status, long latencyMicroseconds, long bytesIn, long bytesOut)
    {
        var before = Interlocked.Decrement(ref inFlight) + 1;
        ref var counters = ref CountersOf(second);
        SecondCounters.RaiseTo(ref counters.InFlightPeak, before);
        Interlocked.Increment(ref SecondCounters.CountOf(ref counters, status));
        Interlocked.Add(ref counters.BytesIn, bytesIn);
        Interlocked.Add(ref counters.BytesOut, bytesOut);
        if (second > Volatile.Read(ref latencySecond))
        {
            RollOn(second, startRecording: true);
        }
        recorder!.RecordValue(latencyMicroseconds);
    }

    public void Ejected(long second) => Interlocked.Increment(ref CountersOf(second).Ejections);

    public void MirrorCopied(long second, bool failed)
    {
        ref var counters = ref CountersOf(second);
        Interlocked.Increment(ref counters.MirrorCopies);
        if (failed)
        {
            Interlocked.Increment(ref counters.MirrorFailures);
        }
    }

    public void MirrorDropped(long second) => Interlocked.Increment(ref CountersOf(second).MirrorDrops);

    /// <summary>The seconds from <paramref name="first"/> up to, not including, <paramref name="end"/>, each one.</summary>
    public IReadOnlyList<SecondSample> Samples(long first, long end, long now)
    {
        RollOn(now, startRecording: false);
        first = Math.Max(first, now - KeptSeconds);
        end = Math.Min(end, now);
        var samples = new List<SecondSample>((int)Math.Max(0, end - first));
        for (var second = first; second < end; second++)
        {
            var block = BlockOf(second);
            var counters = block is null ? default : block.Seconds[second - block.Start];
            samples.Add(counters.ToSample(DateTimeOffset.FromUnixTimeSeconds(second)));
        }
        return samples;
    }

    public MetricsSummary Summarize(MetricsKey key, int seconds, long now)
    {
        RollOn(now, startRecording: false);
        var first = now - seconds;
        long bytesIn = 0, bytesOut = 0, ejections = 0, copies = 0, mirrorFailures = 0, drops = 0;
        var inFlightPeak = 0;
        var responses = default(StatusCounts);
        for (var second = first; second < now; second++)
        {
            var block = BlockOf(second);
            if (block is null)
            {
                continue;
            }
            var counters = block.Seconds[second - block.Start];
            responses += new StatusCounts(counters.NoResponse, counters.Informational, counters.Successful, counters.Redirection, counters.ClientError, counters.ServerError);
            bytesIn += counters.BytesIn;
            bytesOut += counters.BytesOut;
            inFlightPeak = Math.Max(inFlightPeak, counters.InFlightPeak);
            ejections += counters.Ejections;
            copies += counters.MirrorCopies;
            mirrorFailures += counters.MirrorFailures;
            drops += counters.MirrorDrops;
        }
        return new MetricsSummary(
            key,
            TimeSpan.FromSeconds(seconds),
            (double)responses.Total / seconds,
            responses,
            responses.Total == 0 ? 0 : (double)responses.Errors / responses.Total,
            LatenciesOver(first, now),
            bytesIn,
            bytesOut,
            InFlight,
            inFlightPeak,
            ejections,
            copies,
            mirrorFailures,
            drops);
    }

    /// <summary>The latest second a block of this series saw a request in; null if none is left in the ring.</summary>
    public long? LastActiveSecond()
    {
        long? latest = null;
        foreach (var block in blocks)
        {
            if (block is not null && (latest is null || block.Start + SecondsBlock.Length - 1 > latest))
            {
                latest = block.Start + SecondsBlock.Length - 1;
            }
        }
        return latest;
    }

    private LatencyPercentiles LatenciesOver(long first, long end)
    {
        var merged = LatencyHistograms.NewMerge();
        lock (gate)
        {
            var openStart = SecondsBlock.StartOf(latencySecond);
            for (var start = SecondsBlock.StartOf(first); start < end; start += SecondsBlock.Length)
            {
                if (start == openStart && openBlockLatencies is not null)
                {
                    merged.Add(openBlockLatencies);
                }
                else
                {
                    BlockOf(start)?.Latencies?.AddTo(merged);
                }
            }
        }
        return LatencyHistograms.PercentilesOf(merged);
    }

    /// <summary>
    /// Closes the latencies of the second they belong to when time has moved past it: writes its percentiles, adds
    /// them to the open block, and seals that block when the new second is in another one. Readers roll on too, so
    /// that every second before theirs is complete, but only a finished request starts recording (40 KB).
    /// </summary>
    private void RollOn(long second, bool startRecording)
    {
        lock (gate)
        {
            if (second <= latencySecond || (recorder is null && !startRecording))
            {
                return;
            }
            if (recorder is null)
            {
                recorder = LatencyHistograms.NewRecorder();
                openBlockLatencies = LatencyHistograms.NewBlockAccumulator();
            }
            else if (latencySecond != long.MinValue)
            {
                CloseSecond();
                if (SecondsBlock.StartOf(second) != SecondsBlock.StartOf(latencySecond))
                {
                    SealBlock();
                }
            }
            Volatile.Write(ref latencySecond, second);
        }
    }

    private void CloseSecond()
    {
        var interval = spareInterval is null ? recorder!.GetIntervalHistogram() : recorder!.GetIntervalHistogram(spareInterval);
        spareInterval = interval;
        if (interval.TotalCount == 0)
        {
            return;
        }
        ref var counters = ref CountersOf(latencySecond);
        counters.P50 = interval.GetValueAtPercentile(50);
        counters.P90 = interval.GetValueAtPercentile(90);
        counters.P99 = interval.GetValueAtPercentile(99);
        counters.Max = interval.GetMaxValue();
        openBlockLatencies!.Add(interval);
    }

    private void SealBlock()
    {
        if (openBlockLatencies!.TotalCount == 0)
        {
            return;
        }
        var block = BlockOf(latencySecond);
        if (block is not null)
        {
            block.Latencies = SparseLatencies.From(openBlockLatencies);
        }
        openBlockLatencies.Reset();
    }

    /// <summary>The block holding <paramref name="second"/>, if it is still in the ring.</summary>
    private SecondsBlock? BlockOf(long second)
    {
        var start = SecondsBlock.StartOf(second);
        var block = Volatile.Read(ref blocks[SlotOf(start)]);
        return block is not null && block.Start == start ? block : null;
    }

    private ref SecondCounters CountersOf(long second)
    {
        var start = SecondsBlock.StartOf(second);
        var block = Volatile.Read(ref blocks[SlotOf(start)]);
        if (block is null || block.Start != start)
        {
            block = ClaimBlock(start);
        }
        return ref block.Seconds[second - start];
    }

    /// <summary>
    /// Makes the block for <paramref name="start"/>, replacing the one from an hour before in its slot. A request from
    /// over an hour ago (a clock stepped back) gets a block of its own that nobody reads.
    /// </summary>
    private SecondsBlock ClaimBlock(long start)
    {
        lock (gate)
        {
            ref var slot = ref blocks[SlotOf(start)];
            var block = slot;
            if (block is not null && block.Start == start)
            {
                return block;
            }
            var claimed = new SecondsBlock(start);
            if (block is null || block.Start < start)
            {
                Volatile.Write(ref slot, claimed);
            }
            return claimed;
        }
    }

    private static int SlotOf(long blockStart) => (int)((((blockStart / SecondsBlock.Length) % BlockCount) + BlockCount) % BlockCount);
}
