using System.Net;
using Microsoft.AspNetCore.Builder;
using Sky.Api;
using Sky.Api.Settings;
using Sky.Metrics.StatsD;
using Sky.Router;
using Sky.Runtime;

namespace Sky.Cli.Tests;

/// <summary>
/// A daemon of the test's own: a fresh namespace, data folder and loopback port, so tests run in parallel on one
/// engine without seeing each other. Disposing it stops the daemon and removes everything of its namespace.
/// </summary>
public sealed class TestDaemon(string? sharedNamespace = null) : ScopedDaemon("t", sharedNamespace), IAsyncDisposable
{
    private WebApplication? app;
    private DaemonSettings? settings;

    /// <summary>An HTTPS listener for the router, when the test gives one before starting.</summary>
    public RouterTls? RouterTls { get; init; }

    /// <summary>A loopback port for sky's StatsD server, when the test wants one (a daemon built in code runs none otherwise).</summary>
    public int? StatsdPort { get; init; }

    /// <summary>The daemon's services, for tests that read a part's state (the router's metrics, say).</summary>
    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("the daemon is not running");

    /// <summary>
    /// Starts a daemon; <paramref name="settings"/> are what its settings file would say (SMTP, webhooks, escalation);
    /// <paramref name="sharedNamespace"/> is another daemon's namespace to share (its data folder stays its own).
    /// </summary>
    public static async Task<TestDaemon> StartAsync(IContainerRuntime? runtime = null, DaemonSettings? settings = null, RouterTls? routerTls = null, int? statsdPort = null, string? sharedNamespace = null)
    {
        var daemon = new TestDaemon(sharedNamespace) { settings = settings, RouterTls = routerTls, StatsdPort = statsdPort };
        await daemon.StartAgainAsync(runtime);
        return daemon;
    }

    /// <summary>Starts the daemon (again) on the same namespace, data folder, port and settings.</summary>
    public async Task StartAgainAsync(IContainerRuntime? runtime = null)
    {
        var router = new RouterListeners { Http = $"127.0.0.1:{RouterPort}", Tls = RouterTls };
        var statsd = StatsdPort is { } statsdPort ? (settings?.Statsd ?? new StatsdSettings()) with { Listen = new IPEndPoint(IPAddress.Loopback, statsdPort) } : null;
        var options = new DaemonOptions { Listen = $"127.0.0.1:{Port}", DataDirectory = DataDirectory, Namespace = Namespace, Router = router, Statsd = statsd };
        app = SkyDaemon.Build(options, runtime, settings);
        await app.StartAsync();
    }

    /// <summary>Stops the daemon the way a service manager would; the containers stay.</summary>
    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await CleanUpAsync();
    }
}
