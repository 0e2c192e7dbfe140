using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Sky.Api.Endpoints;
using Sky.Contracts;
using Sky.Feed;
using Sky.Logs;
using Sky.Metrics;
using Sky.Model;
using Sky.OneOffs;
using Sky.Router;
using Sky.Runtime;
using Sky.Scheduler;
using Sky.Store;
using Sky.Supervisor;
using Sky.Supervisor.Revisions;
using Sky.Supervisor.Rollouts;

namespace Sky.Api;

/// <summary>
/// Builds the daemon: the store in its data folder, the engine client, the supervisor parts and the REST API under
/// <c>/api/v1</c>. Stopping it leaves every container running: they belong to the configuration, not to the process.
/// </summary>
public static class SkyDaemon
{
    /// <exception cref="InvalidDataException">The data folder's identity file holds no identity, or its token file no token.</exception>
    public static WebApplication Build(DaemonOptions options, IContainerRuntime? runtime = null, Settings.DaemonSettings? settings = null)
    {
        // No file watching: by default the host watches its content root (the working folder, often the home folder that
        // holds the data folder) for appsettings.json changes, and every write of the store and the logs woke it.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.WebHost.UseUrls($"http://{options.Listen}");
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // YARP logs every proxied request at Information: on a busy router that is most of the work.
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);

        // ASP.NET Core makes an Activity per request whenever this logger is on at any level (for log scopes), and the
        // router's forwarder then makes a child per proxied request: the router's busiest lock. Nothing reads them.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Services.ConfigureHttpJsonOptions(o => SkyJson.Configure(o.SerializerOptions));
        builder.Services.AddApiDocument();

        // Malformed bodies throw, so that RequestErrors answers with where and what instead of an empty 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new Naming(options.Namespace, DaemonIdentityFile.LoadOrCreate(options.DataDirectory)));
        // Made at the first start even on loopback, so the token is there (and sky token prints it) before it is needed.
        services.AddSingleton(new Access.AccessPolicy(Access.ApiTokenFile.LoadOrCreate(options.DataDirectory), requiresToken: !Access.ListenScope.IsLoopback(options.Listen)));
        services.AddSingleton<Sky.Dashboard.DashboardAssets>();
        services.AddSingleton<Overview.Sparklines>();
        services.AddSingleton<Sky.Metrics.IMetricExporter>(provider => provider.GetRequiredService<Overview.Sparklines>());
        services.AddSingleton<Overview.OverviewReader>();
        services.AddSingleton<StateFeed>(provider => new StateFeed(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => new SkyDatabase(options.DataDirectory));
        services.AddSingleton(_ => new TelemetryDatabase(options.DataDirectory));
        services.AddSingleton<RevisionRepository>();
        services.AddSingleton<EventLog>();
        services.AddSingleton<ServiceIntentRepository>();
        services.AddSingleton<RestartCountRepository>();
        services.AddSingleton(runtime ?? DockerRuntime.FromEnvironment());
        // Before the supervisor and the scheduler: the first containers they create are told where StatsD listens.
        services.AddStatsd(options.Statsd, options.StatsdForContainers);
        services.AddSingleton<RevisionResolver>();
        services.AddSingleton<DesiredStateSource>();
        services.AddSingleton<PlanExecutor>();
        services.AddSingleton<ServiceOperations>();
        services.AddSingleton<ConfigurationOperations>();
        services.AddSingleton<RolloutVerifier>();
        services.AddSingleton<RolloutGuard>();
        services.AddSingleton<Sky.Supervisor.Health.HealthRegistry>();
        services.AddSingleton<IContainerHealthView>(s => s.GetRequiredService<Sky.Supervisor.Health.HealthRegistry>());
        services.AddSingleton<Sky.Supervisor.Health.CheckProber>();
        services.AddSingleton<Sky.Supervisor.Health.ICheckProber>(s => s.GetRequiredService<Sky.Supervisor.Health.CheckProber>());
        services.AddSingleton<Sky.Supervisor.Health.CheckVerdicts>();
        services.AddSingleton<Sky.Supervisor.Health.CheckRunners>();
        services.AddSingleton<Sky.Supervisor.Supervision.EngineOutages>();
        services.AddSingleton<Sky.Supervisor.Supervision.AlertSignals>();
        services.AddSingleton<Sky.Supervisor.Supervision.Healer>();
        services.AddSingleton<Sky.Supervisor.Restarts.RestartHistory>();
        services.AddSingleton<Sky.Supervisor.Restarts.ContainerEnds>();
        services.AddHostedService<Sky.Supervisor.Observation.ContainerObserver>();
        services.AddHostedService<Sky.Supervisor.Supervision.ServiceSupervisor>();
        services.AddHostedService<Sky.Supervisor.Rollouts.RolloutResumption>();
        services.AddHostedService<Watching.FolderWatcher>();
        services.AddHostedService<Maintenance.EventRetention>();
        if (options.CompactsHeap)
        {
            services.AddHostedService<Maintenance.HeapCompaction>();
        }
        services.AddSingleton<StatusReader>();
        services.AddSingleton<Sky.Router.Notices.IRouterNotices, Routing.RouterNotices>();
        services.AddRouter(options.Router);
        services.AddSingleton<Routing.RoutedStatus>();
        services.AddSingleton<Routing.ServiceStatsReader>();
        var daemonSettings = settings ?? new Settings.DaemonSettings();
        services.AddOneOffs(new OneOffOptions { Image = daemonSettings.OneOff.Image, RemoveAfter = daemonSettings.OneOff.RemoveAfter }, options.DataDirectory);
        services.AddSingleton<OneOffs.OneOffRunner>();
        if (daemonSettings.Registry is { } registry)
        {
            services.AddSingleton(_ => new RegistryClient(registry));
        }

        services.AddSingleton(provider => new ImageSource(provider.GetRequiredService<IContainerRuntime>(), provider.GetService<RegistryClient>()));
        services.AddSingleton<Images.ImageBuilds>();
        services.AddLogs(options.DataDirectory, daemonSettings.Logs.Retention, daemonSettings.Logs.Forward);
        services.AddMetrics(options.DataDirectory, daemonSettings.Metrics, daemonSettings.Graphite);
        services.AddHostedService<Sky.Router.Metrics.RequestMetricsSampler>();
        Settings.AlertRegistration.AddAlerts(services, daemonSettings);
        services.AddJobScheduler(new JobSchedulerOptions
        {
            ArmFolder = daemonSettings.Jobs.ArmAhead > TimeSpan.Zero ? Path.Combine(options.DataDirectory, "armed") : null,
            ArmAhead = daemonSettings.Jobs.ArmAhead,
        });

        var app = builder.Build();

        // The applied revision is on the feed before any part subscribes, so none starts from an empty picture.
        app.Services.GetRequiredService<DesiredStateSource>().Current();

        // Only bugs get this far (RequestErrors answers everything sky expects): the handler logs their stack trace.
        app.UseExceptionHandler(errors => errors.Run(async context =>
        {
            var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            await ErrorResults.From(exception ?? new InvalidOperationException("unknown error")).ExecuteAsync(context);
        }));
        app.UseMiddleware<RequestErrors>();
        app.UseMiddleware<Access.AccessGate>();
        app.UseWebSockets();
        app.UseMiddleware<Streaming.StreamStopping>();

        var api = app.MapGroup("/api/v1");
        api.AddEndpointFilter<NameFilter>();
        SystemEndpoints.Map(api);
        ConfigurationEndpoints.Map(api);
        RevisionEndpoints.Map(api);
        EventEndpoints.Map(api);
        ServiceEndpoints.Map(api);
        ServiceConfigurationEndpoints.Map(api);
        OverviewEndpoints.Map(api);
        LogEndpoints.Map(api);
        OneOffEndpoints.Map(api);
        AlertEndpoints.Map(api);
        NotifyEndpoints.Map(api);
        JobEndpoints.Map(api);
        ImageEndpoints.Map(api);
        MetricEndpoints.Map(api);
        MetricEndpoints.MapExposition(app);
        app.MapOpenApi(ApiDocument.Path);
        Access.AccessEndpoints.Map(app);
        Sky.Dashboard.DashboardEndpoints.Map(app);
        NoSuchEndpoint.Map(app);
        return app;
    }
}
