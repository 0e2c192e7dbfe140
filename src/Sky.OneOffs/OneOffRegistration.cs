using Microsoft.Extensions.DependencyInjection;

namespace Sky.OneOffs;

/// <summary>Registers one-off containers in the daemon: their options, the bridge, the sweeper, and the outbox snitch inside them drops its notices into.</summary>
public static class OneOffRegistration
{
    public static IServiceCollection AddOneOffs(this IServiceCollection services, OneOffOptions options, string dataDirectory)
    {
        services.AddSingleton(options);
        services.AddSingleton(_ => new Snitch.SnitchOutbox(dataDirectory));
        services.AddSingleton<Snitch.NotificationSender>();
        services.AddHostedService<Snitch.SnitchOutboxWatcher>();
        services.AddSingleton<OneOffContainers>();
        services.AddSingleton<TerminalBridge>();
        services.AddSingleton<OneOffSweeper>();
        services.AddHostedService(s => s.GetRequiredService<OneOffSweeper>());
        return services;
    }
}
