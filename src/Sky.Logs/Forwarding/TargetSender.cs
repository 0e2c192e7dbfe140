using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Sky.Logs.Forwarding;

/// <summary>
/// One target's buffer, counters and sender loop. The buffer is a bounded channel that drops its oldest line when
/// full: offering a line is a lock of this target's channel for a few instructions and never waits for the network,
/// and during an outage the buffer keeps the newest lines, which say most about what is happening now.
/// </summary>
internal abstract class TargetSender : IDisposable
{
    private readonly Channel<LogRecord> buffer;
    private readonly string name;
    private long sent;
    private long dropped;
    private volatile bool connected;
    private volatile bool failing;
    private volatile string? lastError;
    private volatile int held;

    protected TargetSender(ForwardTarget target, int bufferLines, TimeProvider clock, ILogger logger)
    {
        Target = target;
        Clock = clock;
        Logger = logger;
        name = target.ToString();
        var options = new BoundedChannelOptions(bufferLines)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,

            // The sender's loop must never run on the collector's thread inside Offer.
            AllowSynchronousContinuations = false,
        };
        buffer = Channel.CreateBounded<LogRecord>(options, _ => Interlocked.Increment(ref dropped));
    }

    public ForwardTarget Target { get; }

    protected TimeProvider Clock { get; }

    protected ILogger Logger { get; }

    /// <summary>Lines waiting in the buffer, in the order they were offered.</summary>
    protected ChannelReader<LogRecord> Lines => buffer.Reader;

    /// <summary>Lines taken from the buffer whose send has not succeeded yet (shown as buffered).</summary>
    protected int Held
    {
        get => held;
        set => held = value;
    }

    /// <summary>Never blocks: a full buffer drops its oldest line; after <see cref="Complete"/> the line is ignored.</summary>
    public void Offer(LogRecord record) => buffer.Writer.TryWrite(record);

    /// <summary>No more lines: the loop sends what is buffered and ends.</summary>
    public void Complete() => buffer.Writer.TryComplete();

    /// <summary>Failed since it last worked: a target down, which a flush at shutdown need not wait for.</summary>
    public bool Failing => failing;

    public ForwardStatus Status() =>
        new(name, connected, Interlocked.Read(ref sent), Interlocked.Read(ref dropped), buffer.Reader.Count + held, lastError);

    /// <summary>Sends lines until the buffer is completed and empty, or <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await SendLinesAsync(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            connected = false;
            Close();
        }
    }

    /// <summary>Releases the connection and the encoder; call once the loop has ended.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }
    }

    protected abstract Task SendLinesAsync(CancellationToken stop);

    /// <summary>Releases the connection or socket, if any.</summary>
    protected abstract void Close();

    protected void CountSent(int lines) => Interlocked.Add(ref sent, lines);

    protected void CountDropped(string why)
    {
        Interlocked.Increment(ref dropped);
        lastError = why;
        Logger.LogDebug("Forwarding to {Target}: a line was dropped: {Why}", name, why);
    }

    protected void MarkConnected()
    {
        connected = true;
        if (failing)
        {
            failing = false;
            Logger.LogInformation("Forwarding to {Target} works again", name);
        }
    }

    /// <summary>Records a failure; logged as a warning once per outage, so a target down for hours writes one line.</summary>
    protected void MarkFailed(string error)
    {
        connected = false;
        lastError = error;
        if (!failing)
        {
            failing = true;
            Logger.LogWarning("Forwarding to {Target} failed: {Error}; lines wait in its buffer and sending is retried", name, error);
        }
    }

    protected Task WaitAsync(TimeSpan delay, CancellationToken stop) => Task.Delay(delay, Clock, stop);
}
