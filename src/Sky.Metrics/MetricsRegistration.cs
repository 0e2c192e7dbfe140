using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Metrics.Export;
using Sky.Metrics.History;
using Sky.Metrics.Sampling;
using Sky.Metrics.StatsD;
using Sky.Runtime;

namespace Sky.Metrics;

/// <summary>
/// Adds the metrics part to the daemon: the history in the data folder, the newest values, the hub every source
/// writes to, resource sampling, the Prometheus exposition and, when the settings name one, the Graphite exporter.
/// </summary>
public static class MetricsRegistration
{
    /// <summary>Needs a <see cref="StateFeed"/>, an <c>IContainerRuntime</c> and a <see cref="TimeProvider"/> registered beside it.</summary>
    public static IServiceCollection AddMetrics(this IServiceCollection services, string dataDirectory, MetricsSettings settings, GraphiteSettings? graphite)
    {
        services.AddSingleton(settings);
        services.AddSingleton(_ => new MetricHistory(new HistoryFile(dataDirectory), settings.History));
        services.AddSingleton<LatestValues>();
        if (graphite is not null)
        {
            services.AddSingleton(provider => new GraphiteExporter(
                graphite,
                new GraphitePaths(PrefixesFrom(provider.GetRequiredService<StateFeed>())),
                provider.GetRequiredService<ILogger<GraphiteExporter>>()));
            services.AddSingleton<IMetricExporter>(provider => provider.GetRequiredService<GraphiteExporter>());
            services.AddHostedService(provider => provider.GetRequiredService<GraphiteExporter>());
        }

        services.AddSingleton<Rules.RecentValues>();
        services.AddSingleton<IMetricExporter>(provider => provider.GetRequiredService<Rules.RecentValues>());
        services.AddSingleton(provider => new MetricHub(
            provider.GetRequiredService<LatestValues>(),
            provider.GetRequiredService<MetricHistory>(),
            provider.GetServices<IMetricExporter>()));
        services.AddSingleton<IMetricSink>(provider => provider.GetRequiredService<MetricHub>());
        services.AddSingleton<PrometheusExposition>();
        services.AddHostedService<HistoryWriter>();
        services.AddHostedService<ResourceSampler>();
        services.AddHostedService<Polling.EndpointPolling>();
        services.AddHostedService<Rules.MetricAlerts>();
        return services;
    }

    /// <summary>
    /// Adds sky's StatsD server (none when <paramref name="settings"/> is null). Register it before the parts that
    /// create containers: it tells them where it listens (<see cref="IContainerEnvironment"/>).
    /// </summary>
    public static IServiceCollection AddStatsd(this IServiceCollection services, StatsdSettings? settings, bool forContainers)
    {
        if (settings is null)
        {
            return services;
        }

        services.AddSingleton(provider => new StatsdService(
            settings,
            forContainers,
            provider.GetRequiredService<IContainerRuntime>(),
            provider.GetRequiredService<IMetricSink>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IContainerEnvironment>(provider => provider.GetRequiredService<StatsdService>());
        services.AddHostedService(provider => provider.GetRequiredService<StatsdService>());
        return services;
    }

    /// <summary>An instance's <c>metrics.prefix</c>, read from the desired state the feed holds now.</summary>
    private static Func<string, string, string?> PrefixesFrom(StateFeed feed) => (service, instance) =>
        feed.Current.State.FindService(service)?.Instances.FirstOrDefault(i => i.Name == instance)?.Metrics?.Prefix;
}
