using Microsoft.Extensions.Logging;

namespace Sky.Logs.Forwarding;

/// <summary>
/// Forwards every collected line to the central log systems set in <c>logs.forward</c>, each target with its own
/// bounded buffer and sender loop, so that a slow or dead target never holds up the collector or the other targets.
/// </summary>
/// <remarks>
/// <see cref="Offer"/> is on the collector's path for every line (hundreds of thousands a second): it puts the record
/// into each target's buffer and returns. It allocates nothing and waits for nothing; a full buffer drops its oldest
/// line and counts it in <see cref="ForwardStatus.Dropped"/>.
/// </remarks>
public sealed class LogForwarding : IAsyncDisposable
{
    /// <summary>How long disposing waits for the buffers to drain before it stops the senders anyway.</summary>
    public static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(2);

    private readonly TargetSender[] senders;
    private readonly TimeProvider clock;
    private readonly CancellationTokenSource stop = new();
    private Task[] loops = [];
    private int disposed;

    public LogForwarding(IReadOnlyList<ForwardTarget> targets, string hostName, int bufferLines, TimeProvider clock, ILogger<LogForwarding> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferLines, 1);
        this.clock = clock;
        senders = targets.Select(target => SenderFor(target, hostName, bufferLines, clock, logger)).ToArray();
    }

    /// <summary>Starts one sender loop per target. Lines offered before are already buffered and go out first.</summary>
    public void Start()
    {
        if (loops.Length > 0 || Volatile.Read(ref disposed) != 0)
        {
            throw new InvalidOperationException("log forwarding was started already, or disposed");
        }

        loops = senders.Select(sender => Task.Run(() => sender.RunAsync(stop.Token))).ToArray();
    }

    /// <summary>Hands a line to every target's buffer. Never blocks and never throws.</summary>
    public void Offer(LogRecord record)
    {
        foreach (var sender in senders)
        {
            sender.Offer(record);
        }
    }

    public IReadOnlyList<ForwardStatus> Status() => senders.Select(sender => sender.Status()).ToList();

    /// <summary>
    /// Takes no more lines, gives the senders of targets that are up <see cref="FlushTimeout"/> to send what is
    /// buffered, then stops them all.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        foreach (var sender in senders)
        {
            sender.Complete();
        }

        // Targets that are down would only use up the timeout: the flush waits for the others.
        var all = Task.WhenAll(loops);
        var flushing = Task.WhenAll(loops.Where((_, i) => !senders[i].Failing));
        try
        {
            await flushing.WaitAsync(FlushTimeout, clock);
        }
        catch (TimeoutException)
        {
        }

        await stop.CancelAsync();
        await all;
        stop.Dispose();
        foreach (var sender in senders)
        {
            sender.Dispose();
        }
    }

    private static TargetSender SenderFor(ForwardTarget target, string hostName, int bufferLines, TimeProvider clock, ILogger logger) =>
        target.Protocol switch
        {
            ForwardProtocol.GelfUdp => new DatagramSender(target, new GelfDatagrams(hostName), bufferLines, clock, logger),
            ForwardProtocol.GelfTcp => new StreamSender(target, new GelfNullFraming(hostName), bufferLines, clock, logger),
            ForwardProtocol.SyslogUdp => new DatagramSender(target, new SyslogDatagrams(hostName), bufferLines, clock, logger),
            ForwardProtocol.SyslogTcp => new StreamSender(target, new SyslogOctetCounting(hostName), bufferLines, clock, logger),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Protocol, "not a forwarding protocol"),
        };
}
