using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Sky.Logs.Forwarding;

/// <summary>
/// Sends one target's lines over TCP, framed by <see cref="IStreamFraming"/>, in batches: the lines waiting are
/// encoded into one buffer and written at once, so a busy collector costs one write per batch rather than per line.
/// </summary>
/// <remarks>
/// Lines leave the buffer only once a connection is open, so a target that is down keeps its newest lines in the
/// buffer (which drops the oldest). A batch whose write fails is kept and written again, whole and first, after the
/// reconnect: nothing is lost, though a receiver may get the start of that batch twice. Before each batch the sender
/// checks whether the receiver has closed the connection (syslog and GELF receivers never send anything, so a
/// readable socket means the end), which catches a restarted receiver before lines are written into the old
/// connection, where TCP would accept them and then lose them.
/// </remarks>
internal sealed class StreamSender(ForwardTarget target, IStreamFraming framing, int bufferLines, TimeProvider clock, ILogger logger)
    : TargetSender(target, bufferLines, clock, logger)
{
    private const int BatchLines = 512;
    private const int BatchBytes = 64 * 1024;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    private readonly ArrayBufferWriter<byte> batch = new(2 * BatchBytes);
    private readonly ReconnectBackoff backoff = new();
    private Socket? socket;
    private NetworkStream? stream;

    protected override async Task SendLinesAsync(CancellationToken stop)
    {
        while (Held > 0 || await Lines.WaitToReadAsync(stop))
        {
            var connection = await ConnectAsync(stop);
            if (Held == 0)
            {
                TakeBatch();
                if (Held == 0)
                {
                    continue;
                }
            }

            try
            {
                await connection.WriteAsync(batch.WrittenMemory, stop);
                CountSent(Held);
                Held = 0;
                batch.ResetWrittenCount();
                backoff.Reset();
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                MarkFailed($"sending failed: {(e.InnerException ?? e).Message}");
                Close();
                await WaitAsync(backoff.Next(), stop);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            framing.Dispose();
        }
    }

    protected override void Close()
    {
        stream?.Dispose();
        stream = null;
        socket = null;
    }

    private void TakeBatch()
    {
        var lines = 0;
        while (lines < BatchLines && batch.WrittenCount < BatchBytes && Lines.TryRead(out var record))
        {
            try
            {
                framing.Append(record, batch);
                lines++;
            }
            catch (Exception e)
            {
                // One line the format cannot carry (e.g. text with a lone surrogate) must not stop the others.
                CountDropped($"a line could not be encoded: {e.Message}");
            }
        }

        Held = lines;
    }

    /// <summary>The open connection, or a new one once the target accepts, trying again with backoff until then.</summary>
    private async Task<NetworkStream> ConnectAsync(CancellationToken stop)
    {
        if (stream is not null && socket is not null)
        {
            if (!ClosedByReceiver(socket))
            {
                return stream;
            }

            MarkFailed("the receiver closed the connection");
            Close();
        }

        while (true)
        {
            var attempt = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var timeout = new CancellationTokenSource(ConnectTimeout, Clock);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
                await attempt.ConnectAsync(Target.Host, Target.Port, either.Token);
                socket = attempt;
                stream = new NetworkStream(attempt, ownsSocket: true);
                MarkConnected();
                return stream;
            }
            catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !stop.IsCancellationRequested))
            {
                attempt.Dispose();
                MarkFailed(e is SocketException ? $"cannot connect: {e.Message}" : $"cannot connect within {ConnectTimeout.TotalSeconds:0} s");
                await WaitAsync(backoff.Next(), stop);
            }
            catch
            {
                attempt.Dispose();
                throw;
            }
        }
    }

    private static bool ClosedByReceiver(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }
}
