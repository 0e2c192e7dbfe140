using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Router.Metrics;
using Sky.Router.Mirroring;
using Sky.Router.Notices;
using Sky.Router.Pool;
using Sky.Router.Proxy;
using Sky.Router.Readiness;

namespace Sky.Router;

/// <summary>Adds the router part to the daemon: its state, its follower of the state feed, its web server and the drain the supervisor asks for.</summary>
public static class RouterRegistration
{
    /// <summary>Needs a <see cref="StateFeed"/>, a <see cref="TimeProvider"/> and an <see cref="IRouterNotices"/> registered beside it.</summary>
    public static IServiceCollection AddRouter(this IServiceCollection services, RouterListeners listeners)
    {
        services.AddSingleton(listeners);
        services.AddSingleton<RouterState>();
        services.AddSingleton<RouterAddresses>();
        services.AddSingleton<RouterConfiguration>();
        services.AddSingleton(provider => new RequestMetrics(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new ReadinessProbes(
            new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(1), PooledConnectionLifetime = TimeSpan.Zero }),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ReadinessProbes>>()));
        services.AddSingleton(provider => new MirrorSender(
            provider.GetRequiredService<RouterState>(),
            provider.GetRequiredService<RequestMetrics>(),
            new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(2) }),
            provider.GetRequiredService<ILogger<MirrorSender>>()));
        services.AddSingleton<RouteFollower>();
        services.AddSingleton<EjectionWatch>();
        services.AddSingleton<ContainerDrain>();
        services.AddSingleton<IContainerDrain>(provider => provider.GetRequiredService<ContainerDrain>());
        services.AddSingleton<IContainerAdmission, ContainerAdmission>();
        services.AddSingleton<RouterHost>();
        services.AddHostedService(provider => provider.GetRequiredService<RouteFollower>());
        services.AddHostedService(provider => provider.GetRequiredService<MirrorSender>());
        services.AddHostedService(provider => provider.GetRequiredService<RouterHost>());
        return services;
    }
}
