using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Logs.Collection;
using Sky.Logs.Reading;
using Sky.Logs.Store;
using Sky.Runtime;

namespace Sky.Logs;

/// <summary>Adds the logs part to the daemon: the store in the data folder, the collector and the reader.</summary>
public static class LogsRegistration
{
    /// <summary>Needs a <see cref="StateFeed"/>, an <see cref="IContainerRuntime"/> and a <see cref="TimeProvider"/> registered beside it.</summary>
    public static IServiceCollection AddLogs(this IServiceCollection services, string dataDirectory, LogRetention retention)
    {
        services.AddSingleton(retention);
        services.AddSingleton(provider => new LogStore(dataDirectory, retention, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<LogReader>();
        services.AddSingleton(provider => new LogCollector(
            provider.GetRequiredService<IContainerRuntime>(),
            provider.GetRequiredService<StateFeed>(),
            provider.GetRequiredService<LogStore>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<LogCollector>>()));
        services.AddSingleton<IOutputKeeper>(provider => provider.GetRequiredService<LogCollector>());
        services.AddHostedService(provider => provider.GetRequiredService<LogCollector>());
        return services;
    }
}
