using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Runtime;

namespace Sky.Metrics.StatsD;

/// <summary>
/// Runs sky's StatsD server for the daemon: on its listen address, and (unless told not to) also on the host's
/// address on the engine's default bridge, which every container can reach whatever network it is on; containers
/// are then told where it is (<c>STATSD_HOST</c>, <c>STATSD_PORT</c>). Started before the supervisor, so the first
/// containers it creates already know.
/// </summary>
public sealed class StatsdService(
    StatsdSettings settings,
    bool forContainers,
    IContainerRuntime runtime,
    IMetricSink sink,
    TimeProvider clock,
    ILoggerFactory loggers) : IHostedService, IContainerEnvironment, IDisposable
{
    private static readonly TimeSpan GatewayLookup = TimeSpan.FromSeconds(3);

    private StatsdServer? server;

    public IReadOnlyDictionary<string, string> Variables { get; private set; } = new Dictionary<string, string>();

    public long PacketsReceived => server?.PacketsReceived ?? 0;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger<StatsdService>();
        var gateway = forContainers ? await GatewayAsync(logger, cancellationToken) : null;
        if (gateway is not null)
        {
            var forBoth = settings with { ExtraUdpEndpoints = [.. settings.ExtraUdpEndpoints, new IPEndPoint(gateway, settings.Listen.Port)] };
            try
            {
                server = await StartServerAsync(forBoth, cancellationToken);
                Variables = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["STATSD_HOST"] = gateway.ToString(),
                    ["STATSD_PORT"] = settings.Listen.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                logger.LogInformation("statsd: on {Listen} and, for containers, {Gateway}:{Port} (UDP)", settings.Listen, gateway, settings.Listen.Port);
                return;
            }
            catch (InvalidOperationException exception) when (server is null)
            {
                // The bridge's address is not this machine's (a remote engine), or its port is taken there: loopback only.
                logger.LogWarning("statsd: containers cannot reach it on {Gateway}: {Error}", gateway, exception.Message);
            }
        }

        server = await StartServerAsync(settings, cancellationToken);
        logger.LogInformation("statsd: on {Listen}", settings.Listen);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            await server.StopAsync(cancellationToken);
        }
    }

    public void Dispose() => server?.Dispose();

    private async Task<StatsdServer> StartServerAsync(StatsdSettings chosen, CancellationToken cancellationToken)
    {
        var started = new StatsdServer(chosen, sink, clock, loggers.CreateLogger<StatsdServer>());
        try
        {
            await started.StartAsync(cancellationToken);
            return started;
        }
        catch
        {
            started.Dispose();
            throw;
        }
    }

    private async Task<IPAddress?> GatewayAsync(ILogger logger, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(GatewayLookup);
        try
        {
            return await runtime.GetBridgeGatewayAsync(bounded.Token);
        }
        catch (Exception exception) when (exception is EngineUnavailableException or EngineException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("statsd: the engine's bridge address is unknown ({Error}): containers are not told where StatsD is", exception.Message);
            return null;
        }
    }
}
