namespace Sky.Api.OneOffs;

/// <summary>Registers one-off containers in the daemon: the image and removal delay from the settings, the bridge, the runner, the sweeper, and the outbox snitch inside them drops its notices into.</summary>
public static class OneOffRegistration
{
    public static IServiceCollection AddOneOffs(this IServiceCollection services)
    {
        services.AddSingleton(s => s.GetService<Settings.DaemonSettings>()?.OneOff is { } settings
            ? new OneOffOptions { Image = settings.Image, RemoveAfter = settings.RemoveAfter }
            : new OneOffOptions());
        services.AddSingleton<Snitch.SnitchOutbox>();
        services.AddSingleton<Snitch.NotificationSender>();
        services.AddHostedService<Snitch.SnitchOutboxWatcher>();
        services.AddSingleton<OneOffContainers>();
        services.AddSingleton<TerminalBridge>();
        services.AddSingleton<OneOffRunner>();
        services.AddSingleton<OneOffSweeper>();
        services.AddHostedService(s => s.GetRequiredService<OneOffSweeper>());
        return services;
    }
}
