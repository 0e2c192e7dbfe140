using Microsoft.AspNetCore.Builder;
using Sky.Api;
using Sky.Api.Settings;
using Sky.Runtime;
using Sky.Testing.Peers;

namespace Sky.Cli.Tests;

/// <summary>
/// A daemon of the test's own: a fresh namespace, data folder and loopback port, so tests run in parallel on one
/// engine without seeing each other. Disposing it stops the daemon and removes everything of its namespace.
/// </summary>
public sealed class TestDaemon : IAsyncDisposable
{
    private WebApplication? app;
    private DaemonSettings? settings;

    private TestDaemon(string ns, string dataDirectory, int port)
    {
        Namespace = ns;
        DataDirectory = dataDirectory;
        Port = port;
    }

    public string Namespace { get; }

    public string DataDirectory { get; }

    public int Port { get; }

    public string Address => $"http://127.0.0.1:{Port}";

    /// <summary>Starts a daemon; <paramref name="settings"/> are what its settings file would say (SMTP, webhooks, escalation).</summary>
    public static async Task<TestDaemon> StartAsync(IContainerRuntime? runtime = null, DaemonSettings? settings = null)
    {
        var daemon = new TestDaemon($"t{Guid.NewGuid():N}"[..9], Directory.CreateTempSubdirectory("sky-test-").FullName, FreePort.Next())
        {
            settings = settings,
        };
        await daemon.StartAgainAsync(runtime);
        return daemon;
    }

    /// <summary>Starts the daemon (again) on the same namespace, data folder, port and settings.</summary>
    public async Task StartAgainAsync(IContainerRuntime? runtime = null)
    {
        app = SkyDaemon.Build(new DaemonOptions { Listen = $"127.0.0.1:{Port}", DataDirectory = DataDirectory, Namespace = Namespace }, runtime, settings);
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

    /// <summary>Runs the CLI in-process against this daemon.</summary>
    public Task<CliRun> RunAsync(params string[] args) => CliRun.AgainstAsync(Address, args);

    public string Name(string plain) => $"{Namespace}-{plain}";

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Docker.CleanNamespaceAsync(Namespace);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
