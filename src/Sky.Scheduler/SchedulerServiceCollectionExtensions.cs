using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sky.Store;

namespace Sky.Scheduler;

/// <summary>Registers the scheduler, so the daemon wires it with one line.</summary>
public static class SchedulerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the run store, the runner, the scheduler as a hosted service (it starts and stops with the daemon) and the
    /// event-log notifier unless a notifier is registered already.
    /// </summary>
    public static IServiceCollection AddJobScheduler(this IServiceCollection services, Func<IServiceProvider, IJobSource> source, JobSchedulerOptions? options = null)
    {
        services.AddSingleton(options ?? new JobSchedulerOptions());
        services.AddSingleton<JobRunRepository>();
        services.AddSingleton<RevisionWatermark>();
        services.AddSingleton(source);
        services.TryAddSingleton<IJobNotifier, EventLogJobNotifier>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<JobScheduler>());
        return services;
    }
}
