using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sky.Metrics.Export;

/// <summary>
/// Sends every point to carbon as plaintext lines (<c>path value unix-seconds</c>) over one TCP connection. While
/// carbon is away the lines wait in a bounded buffer (the oldest dropped first, and counted); a connection carbon
/// closed is noticed before a batch is written to it, so a restart of carbon loses nothing that waited.
/// </summary>
public sealed class GraphiteExporter : BackgroundService, IMetricExporter
{
    private readonly GraphiteSettings settings;
    private readonly GraphitePaths paths;
    private readonly ILogger<GraphiteExporter> logger;
    private readonly Channel<string> lines;
    private readonly List<string> unsent = [];
    private long dropped;
    private long sent;

    public GraphiteExporter(GraphiteSettings settings, GraphitePaths paths, ILogger<GraphiteExporter> logger)
    {
        this.settings = settings;
        this.paths = paths;
        this.logger = logger;
        lines = Channel.CreateBounded<string>(
            new BoundedChannelOptions(settings.BufferLines) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref dropped));
    }

    public long Sent => Interlocked.Read(ref sent);

    public long Dropped => Interlocked.Read(ref dropped);

    public bool Connected { get; private set; }

    public void Offer(IReadOnlyList<MetricPoint> points)
    {
        foreach (var point in points)
        {
            if (double.IsFinite(point.Value))
            {
                lines.Writer.TryWrite(string.Create(CultureInfo.InvariantCulture, $"{paths.Of(point)} {point.Value:R} {point.Time.ToUnixTimeSeconds()}\n"));
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = new TcpClient { NoDelay = false };
                await client.ConnectAsync(settings.Address.Host, settings.Address.Port, stoppingToken);
                Connected = true;
                delay = TimeSpan.FromMilliseconds(100);
                logger.LogInformation("graphite: connected to {Address}", settings.Address);
                await SendAsync(client, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is SocketException or IOException)
            {
                if (Connected)
                {
                    logger.LogWarning("graphite: {Address} went away ({Error}); {Waiting} lines wait for it", settings.Address, exception.Message, unsent.Count + lines.Reader.Count);
                }

                Connected = false;
            }

            await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxReconnectDelay.Ticks));
        }
    }

    private async Task SendAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var stream = client.GetStream();
        var buffer = new StringBuilder();
        while (true)
        {
            if (unsent.Count == 0)
            {
                if (!await lines.Reader.WaitToReadAsync(cancellationToken))
                {
                    return;
                }

                while (unsent.Count < 5000 && lines.Reader.TryRead(out var line))
                {
                    unsent.Add(line);
                }
            }

            // carbon closing its end shows as readable with nothing to read: write nothing into a dead connection.
            if (client.Client.Poll(0, SelectMode.SelectRead) && client.Client.Available == 0)
            {
                throw new IOException("carbon closed the connection");
            }

            buffer.Clear();
            foreach (var line in unsent)
            {
                buffer.Append(line);
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(buffer.ToString()), cancellationToken);
            Interlocked.Add(ref sent, unsent.Count);
            unsent.Clear();
        }
    }
}
