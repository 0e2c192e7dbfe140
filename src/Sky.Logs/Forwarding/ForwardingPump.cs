using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Logs.Store;

namespace Sky.Logs.Forwarding;

/// <summary>
/// Hands every line the store keeps to the forwarding targets, as it is stored: it follows the store's live chunks, so
/// collection never waits on a log system. Offering never blocks; a target that is away fills its own bounded buffer.
/// </summary>
public sealed class ForwardingPump(LogStore store, LogForwarding forwarding, ILogger<ForwardingPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        forwarding.Start();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var live = store.Live.Subscribe(stoppingToken);
                await foreach (var batch in live.ReadAllAsync(stoppingToken))
                {
                    foreach (var chunk in batch)
                    {
                        Offer(chunk);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (LogFollowerLaggedException)
            {
                // Offering is cheap, so this means a machine starved of CPU: go on with what comes next.
                logger.LogWarning("log forwarding fell behind the store and skipped some lines");
            }
        }

        await forwarding.DisposeAsync();
    }

    private void Offer(CommittedChunk chunk)
    {
        var reader = new ChunkReader(chunk.Lines.Span, chunk.Row.FirstTicks);
        while (reader.MoveNext())
        {
            forwarding.Offer(new LogRecord(chunk.Source, new DateTimeOffset(reader.Ticks, TimeSpan.Zero), reader.Stderr ? "stderr" : "stdout", Encoding.UTF8.GetString(reader.Text), reader.Truncated));
        }
    }
}
