using Microsoft.AspNetCore.Builder;
using Sky.Api;
using Sky.Api.Settings;
using Sky.Cli;
using Sky.Testing.Peers;

namespace Sky.Alerts.Tests.Cli;

/// <summary>
/// A daemon of the test's own with the settings it needs (an SMTP sink, webhooks): its own namespace, data folder and
/// loopback port. It creates no containers; disposing it stops it and removes its folder.
/// </summary>
public sealed class AlertDaemon : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string folder;

    private AlertDaemon(WebApplication app, string folder, int port)
    {
        this.app = app;
        this.folder = folder;
        Address = $"http://127.0.0.1:{port}";
    }

    public string Address { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<AlertDaemon> StartAsync(DaemonSettings settings)
    {
        var folder = Directory.CreateTempSubdirectory("sky-alert-daemon-").FullName;
        var port = FreePort.Next();
        var options = new DaemonOptions { Listen = $"127.0.0.1:{port}", DataDirectory = folder, Namespace = $"a{Guid.NewGuid():N}"[..9], Router = new Sky.Router.RouterListeners { Http = "127.0.0.1:0" } };
        var app = SkyDaemon.Build(options, settings: settings);
        await app.StartAsync();
        return new AlertDaemon(app, folder, port);
    }

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await SkyCommandLine.RunAsync(args, output, error, Address);
        return (exitCode, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
