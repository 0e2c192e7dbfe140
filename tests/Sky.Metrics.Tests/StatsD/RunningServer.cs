using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sky.Metrics.StatsD;
using Sky.Testing;
using Sky.Testing.Peers;

namespace Sky.Metrics.Tests.StatsD;

/// <summary>
/// sky's StatsD server on free loopback ports and a fake clock, writing to a <see cref="RecordingSink"/>: send to it
/// over UDP or TCP, wait until it has read the packets, then flush by moving the clock.
/// </summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly UdpClient sender = new(AddressFamily.InterNetwork);

    private RunningServer(StatsdServer server, StatsdSettings settings, FakeTimeProvider clock, RecordingSink sink)
    {
        Server = server;
        Settings = settings;
        Clock = clock;
        Sink = sink;
    }

    public StatsdServer Server { get; }

    public StatsdSettings Settings { get; }

    public FakeTimeProvider Clock { get; }

    public RecordingSink Sink { get; }

    public IPEndPoint Endpoint => Settings.Listen;

    public static async Task<RunningServer> StartAsync(StatsdSettings? settings = null)
    {
        settings ??= new StatsdSettings { Listen = new IPEndPoint(IPAddress.Loopback, FreePort.Next()), FlushInterval = TimeSpan.FromSeconds(1) };
        var clock = new FakeTimeProvider(StatsdHarness.Start);
        var sink = new RecordingSink();
        var server = new StatsdServer(settings, sink, clock, NullLogger<StatsdServer>.Instance);
        var running = new RunningServer(server, settings, clock, sink);
        await server.StartAsync(CancellationToken.None);
        return running;
    }

    public void Send(string packet, IPEndPoint? to = null) => sender.Send(Encoding.UTF8.GetBytes(packet), to ?? Endpoint);

    public Task WaitForPacketsAsync(long count) =>
        Eventually.GetAsync(() => Server.PacketsReceived >= count ? "read" : null, TimeSpan.FromSeconds(15), $"{count} packets read (read: {Server.PacketsReceived})");

    /// <summary>Moves the clock on by one flush interval and returns that flush.</summary>
    public Task<Flushed> FlushAsync()
    {
        Clock.Advance(Settings.FlushInterval);
        return Sink.NextAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync(CancellationToken.None);
        Server.Dispose();
        sender.Dispose();
    }
}
