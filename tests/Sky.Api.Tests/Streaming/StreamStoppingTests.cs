using Microsoft.AspNetCore.Builder;
using Sky.Testing.Peers;

namespace Sky.Api.Tests.Streaming;

/// <summary>
/// Answers that last as long as their client wants (the state feed a dashboard page follows, a followed log) end, whole,
/// when the daemon stops; they do not hold the stop until the host's shutdown timeout cuts their connections.
/// A daemon of the test's own on the real engine (it creates nothing there).
/// </summary>
public sealed class StreamStoppingTests : IAsyncLifetime, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sky-streams-").FullName;
    private readonly int port = FreePort.Next();
    private readonly HttpClient http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private WebApplication? daemon;

    public async Task InitializeAsync()
    {
        daemon = SkyDaemon.Build(new DaemonOptions { Listen = $"127.0.0.1:{port}", DataDirectory = folder, Namespace = $"s{Guid.NewGuid():N}"[..9], Router = new Sky.Router.RouterListeners { Http = "127.0.0.1:0" } });
        await daemon.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (daemon is not null)
        {
            await daemon.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task Stopping_the_daemon_ends_the_event_stream_and_a_followed_log_cleanly()
    {
        await using var events = await OpenAsync("/api/v1/events/stream");
        await using var logs = await OpenAsync("/api/v1/logs?follow=true");
        using var feed = new StreamReader(events);
        // The snapshot's id is the feed's position, which depends on what the daemon published while starting.
        Assert.StartsWith("id: ", await feed.ReadLineAsync(), StringComparison.Ordinal);
        var eventsRest = feed.ReadToEndAsync();
        var logsRest = new StreamReader(logs).ReadToEndAsync();

        await daemon!.StopAsync();

        // Cut by the host after its timeout, a stream fails here (the response ended before its end); ended by sky, it
        // reads to its end.
        Assert.Contains("event: snapshot", await eventsRest, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await logsRest);
    }

    private async Task<Stream> OpenAsync(string path)
    {
        var answer = await http.GetAsync(new Uri($"http://127.0.0.1:{port}{path}"), HttpCompletionOption.ResponseHeadersRead);
        answer.EnsureSuccessStatusCode();
        return await answer.Content.ReadAsStreamAsync();
    }
}
