using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Sky.Api;
using Sky.Cli;
using Sky.Router;
using Sky.Testing;
using Sky.Testing.Peers;

namespace Sky.Dashboard.Tests;

/// <summary>
/// A daemon of the test's own, in process, on the real engine: a fresh namespace, data folder and port, so it sees
/// nothing of other tests. It listens on loopback unless a test of access says
/// otherwise, in <see cref="StartAsync"/>). Disposing it stops the daemon and removes everything of its namespace.
/// </summary>
public sealed class DashboardDaemon : IAsyncDisposable
{
    private WebApplication? app;

    public string Namespace { get; } = $"d{Guid.NewGuid():N}"[..9];

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("sky-dashboard-test-").FullName;

    public int Port { get; } = FreePort.Next();

    public int RouterPort { get; } = FreePort.Next();

    /// <summary>Where a browser on this machine reaches it (loopback, whatever it listens on).</summary>
    public string Address => $"http://127.0.0.1:{Port}";

    /// <summary>The token the daemon made in its data folder at its start.</summary>
    public string Token => File.ReadAllText(Path.Combine(DataDirectory, "token")).Trim();

    public static async Task<DashboardDaemon> StartAsync(string listenHost = "127.0.0.1", Sky.Api.Settings.DaemonSettings? settings = null)
    {
        var daemon = new DashboardDaemon();
        var options = new DaemonOptions
        {
            Listen = $"{listenHost}:{daemon.Port}",
            DataDirectory = daemon.DataDirectory,
            Namespace = daemon.Namespace,
            Router = new RouterListeners { Http = $"127.0.0.1:{daemon.RouterPort}" },
        };
        daemon.app = SkyDaemon.Build(options, settings: settings);
        await daemon.app.StartAsync();
        return daemon;
    }

    /// <summary>The engine's name of a container sky names <paramref name="plain"/>.</summary>
    public string Name(string plain) => $"{Namespace}-{plain}";

    /// <summary>Runs the CLI in process against this daemon (on loopback it needs no token); fails the test when it fails.</summary>
    public async Task<string> SkyAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await SkyCommandLine.RunAsync(args, output, error, Address);
        return exitCode == 0 ? output.ToString() : throw new InvalidOperationException($"sky {string.Join(' ', args)}: exit {exitCode}\n{output}\n{error}");
    }

    /// <summary>Applies a configuration as one source, as a user editing one file does.</summary>
    public Task<string> ApplyAsync(string yaml)
    {
        var folder = Directory.CreateTempSubdirectory("sky-dashboard-config-").FullName;
        var path = Path.Combine(folder, "services.yml");
        File.WriteAllText(path, yaml);
        return SkyAsync("apply", path, "--source", "test");
    }

    /// <summary>An HTTP client for the API, with the token when asked; it follows no redirect, so a test sees each.</summary>
    public HttpClient Http(bool withToken = false)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(Address), Timeout = TimeSpan.FromSeconds(30) };
        if (withToken)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await DockerWitness.CleanNamespaceAsync(Namespace);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
