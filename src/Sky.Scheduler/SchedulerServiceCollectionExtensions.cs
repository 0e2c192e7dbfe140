using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sky.Alerts;
using Sky.Store;

namespace Sky.Scheduler;

/// <summary>Registers the scheduler, so the daemon wires it with one line.</summary>
public static class SchedulerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the run store, the runner, the scheduler as a hosted service (it starts and stops with the daemon) and, unless
    /// a notifier is registered already, one that alerts the maintainer when the daemon has alerts, the event log when not.
    /// </summary>
    public static IServiceCollection AddJobScheduler(this IServiceCollection services, JobSchedulerOptions? options = null)
    {
        services.AddSingleton(options ?? new JobSchedulerOptions());
        services.AddSingleton<JobRunRepository>();
        services.TryAddSingleton<EventLogJobNotifier>();
        services.TryAddSingleton<IJobNotifier>(provider => provider.GetService<IAlertSink>() is { } alerts
            ? new AlertJobNotifier(alerts, provider.GetRequiredService<EventLogJobNotifier>())
            : provider.GetRequiredService<EventLogJobNotifier>());
        services.AddSingleton<Arming.ArmedContainers>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<ScheduledJobs>();
        services.AddSingleton<JobDispatcher>();
        services.AddSingleton<RunRecovery>();
        services.AddSingleton<JobArming>();
        services.AddSingleton<RunRetention>();
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<JobScheduler>());
        return services;
    }
}
