using Sky.Alerts;
using Sky.Store;

namespace Sky.Api.Settings;

/// <summary>Registers alerts in the daemon: channels from the settings, the manager the supervisor signals, the worker that sends.</summary>
public static class AlertRegistration
{
    public static IServiceCollection AddAlerts(this IServiceCollection services, DaemonSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(settings.Escalation);
        services.AddSingleton<AlertRepository>();
        services.AddSingleton(new DeliveryRetryOptions());
        services.AddSingleton(_ => new AlertChannels(settings.Smtp, settings.Webhooks, new HttpClient { Timeout = TimeSpan.FromSeconds(15) }));
        services.AddSingleton(s => new AlertDispatcher(
            s.GetRequiredService<AlertRepository>(),
            s.GetRequiredService<TimeProvider>(),
            s.GetRequiredService<ILogger<AlertDispatcher>>(),
            s.GetRequiredService<DeliveryRetryOptions>(),
            s.GetRequiredService<EventLog>()));
        services.AddSingleton<AlertManager>();
        services.AddSingleton<IAlertSink>(s => s.GetRequiredService<AlertManager>());
        services.AddHostedService<AlertWorker>();
        return services;
    }
}
