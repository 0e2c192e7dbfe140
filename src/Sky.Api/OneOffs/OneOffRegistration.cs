namespace Sky.Api.OneOffs;

/// <summary>Registers one-off containers in the daemon: the image and removal delay from the settings, the bridge, the runner and the sweeper.</summary>
public static class OneOffRegistration
{
    public static IServiceCollection AddOneOffs(this IServiceCollection services)
    {
        services.AddSingleton(s => s.GetService<Settings.DaemonSettings>()?.OneOff is { } settings
            ? new OneOffOptions { Image = settings.Image, RemoveAfter = settings.RemoveAfter }
            : new OneOffOptions());
        services.AddSingleton<OneOffContainers>();
        services.AddSingleton<TerminalBridge>();
        services.AddSingleton<OneOffRunner>();
        services.AddSingleton<OneOffSweeper>();
        services.AddHostedService(s => s.GetRequiredService<OneOffSweeper>());
        return services;
    }
}
