using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Logs.Collection;
using Sky.Logs.Forwarding;
using Sky.Logs.Reading;
using Sky.Logs.Store;
using Sky.Runtime;

namespace Sky.Logs;

/// <summary>Adds the logs part to the daemon: the store in the data folder, the collector and the reader.</summary>
public static class LogsRegistration
{
    /// <summary>Lines each forwarding target may have waiting while it is away: about a minute of a busy host's output.</summary>
    public const int ForwardBufferLines = 100_000;

    /// <summary>Needs a <see cref="StateFeed"/>, an <see cref="IContainerRuntime"/> and a <see cref="TimeProvider"/> registered beside it.</summary>
    public static IServiceCollection AddLogs(this IServiceCollection services, string dataDirectory, LogRetention retention, IReadOnlyList<ForwardTarget> forward)
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
        if (forward.Count > 0)
        {
            services.AddSingleton(provider => new LogForwarding(forward, Environment.MachineName, ForwardBufferLines, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<LogForwarding>>()));
            services.AddHostedService<ForwardingPump>();
        }

        return services;
    }
}
