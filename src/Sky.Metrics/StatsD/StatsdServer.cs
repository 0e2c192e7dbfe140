using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sky.Metrics.StatsD;

/// <summary>
/// sky's StatsD server, compatible with etsy statsd 0.9.0 and its Graphite backend's default names: it receives over
/// UDP (on <see cref="StatsdSettings.Listen"/> and every <see cref="StatsdSettings.ExtraUdpEndpoints"/>) and TCP (on
/// <see cref="StatsdSettings.Listen"/>), and every <see cref="StatsdSettings.FlushInterval"/> of
/// <paramref name="clock"/> writes what it aggregated to <paramref name="sink"/>, once more when it stops. The
/// sockets are bound in <see cref="StartAsync"/>, so a port already taken fails the start.
/// </summary>
public sealed class StatsdServer(StatsdSettings settings, IMetricSink sink, TimeProvider clock, ILogger<StatsdServer> logger) : BackgroundService
{
    private readonly StatsdCollector collector = new(Validated(settings), clock);
    private readonly List<Socket> udpSockets = [];
    private Socket? tcpListener;
    private PeriodicTimer? flushTimer;

    /// <summary>Every packet received since the start, over UDP and TCP.</summary>
    public long PacketsReceived => collector.PacketsReceived;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var endpoint in new[] { settings.Listen }.Concat(settings.ExtraUdpEndpoints))
            {
                udpSockets.Add(StatsdSockets.BindUdp(endpoint, logger));
            }

            tcpListener = StatsdSockets.ListenTcp(settings.Listen);
        }
        catch
        {
            CloseSockets();
            throw;
        }

        // Made here rather than in ExecuteAsync: a clock moved on right after the start is then never missed.
        flushTimer = new PeriodicTimer(settings.FlushInterval, clock);
        logger.LogInformation("StatsD listening on {Endpoint} (UDP and TCP), flushing every {Interval}", settings.Listen, settings.FlushInterval);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        // The loops are told to stop before their sockets go, so none reads a closed socket.
        base.Dispose();
        CloseSockets();
        flushTimer?.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var receiving = udpSockets.Select(s => new StatsdUdpReceiver(s, collector, logger).RunAsync(stoppingToken))
            .Append(new StatsdTcpReceiver(tcpListener!, collector, logger).RunAsync(stoppingToken))
            .ToList();
        try
        {
            while (await flushTimer!.WaitForNextTickAsync(stoppingToken))
            {
                Flush();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        await Task.WhenAll(receiving);

        // What arrived since the last flush is not lost at a stop (etsy tries the same on exit).
        Flush();
    }

    private static StatsdSettings Validated(StatsdSettings settings)
    {
        settings.Validate();
        return settings;
    }

    private void Flush()
    {
        try
        {
            sink.Write(collector.Flush(clock.GetUtcNow()));
        }
        catch (Exception e)
        {
            logger.LogError(e, "StatsD flush failed");
        }
    }

    private void CloseSockets()
    {
        foreach (var socket in udpSockets)
        {
            socket.Dispose();
        }

        tcpListener?.Dispose();
    }
}
