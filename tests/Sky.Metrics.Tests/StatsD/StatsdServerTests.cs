using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sky.Metrics.StatsD;
using Sky.Testing.Peers;

namespace Sky.Metrics.Tests.StatsD;

public sealed class StatsdServerTests
{
    [Fact]
    public async Task Datagrams_are_flushed_to_the_sink_at_each_interval_of_the_clock()
    {
        await using var running = await RunningServer.StartAsync();
        running.Send("logins:3|c");
        running.Send("db:12|ms\ndb:8|ms");
        await running.WaitForPacketsAsync(2);

        var flushed = await running.FlushAsync();
        Assert.Equal(3, flushed["stats_counts.logins"]);
        Assert.Equal(10, flushed["stats.timers.db.mean"]);
        Assert.All(flushed.Points, p => Assert.Equal(StatsdHarness.Start + TimeSpan.FromSeconds(1), p.Time));

        Assert.Equal(0, (await running.FlushAsync())["stats_counts.logins"]);
    }

    [Fact]
    public async Task Tcp_lines_are_read_up_to_the_last_newline_and_an_unfinished_line_is_dropped_at_the_end()
    {
        await using var running = await RunningServer.StartAsync();
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(running.Endpoint);
            var stream = client.GetStream();
            await stream.WriteAsync("a:1|c\nb:"u8.ToArray());
            await stream.FlushAsync();
            await running.WaitForPacketsAsync(1);
            await stream.WriteAsync("2|c\nc:5|c"u8.ToArray());
        }

        await running.WaitForPacketsAsync(2);
        var flushed = await running.FlushAsync();
        Assert.Equal(1, flushed["stats_counts.a"]);
        Assert.Equal(2, flushed["stats_counts.b"]);
        Assert.False(flushed.Has("stats_counts.c"));
        Assert.Equal(2, flushed["stats_counts.statsd.packets_received"]);
    }

    [Fact]
    public async Task The_extra_udp_endpoints_receive_too()
    {
        var extra = new IPEndPoint(IPAddress.Parse("127.0.0.2"), FreePort.Next());
        await using var running = await RunningServer.StartAsync(new StatsdSettings
        {
            Listen = new IPEndPoint(IPAddress.Loopback, FreePort.Next()),
            ExtraUdpEndpoints = [extra],
        });
        running.Send("main:1|c");
        running.Send("bridge:1|c", extra);
        await running.WaitForPacketsAsync(2);

        var flushed = await running.FlushAsync();
        Assert.Equal(1, flushed["stats_counts.main"]);
        Assert.Equal(1, flushed["stats_counts.bridge"]);
    }

    [Fact]
    public async Task What_arrived_since_the_last_flush_is_flushed_when_the_server_stops()
    {
        var running = await RunningServer.StartAsync();
        running.Send("late:1|c");
        await running.WaitForPacketsAsync(1);
        await running.DisposeAsync();

        Assert.Equal(1, (await running.Sink.NextAsync())["stats_counts.late"]);
    }

    [Fact]
    public async Task A_port_already_taken_fails_the_start_saying_which()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var settings = new StatsdSettings { Listen = (IPEndPoint)taken.LocalEndPoint! };
        using var server = new StatsdServer(settings, new RecordingSink(), new FakeTimeProvider(), NullLogger<StatsdServer>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync(CancellationToken.None));
        Assert.Contains(settings.Listen.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_that_make_no_sense_fail_the_construction()
    {
        Assert.Throws<ArgumentException>(() =>
            new StatsdServer(new StatsdSettings { Percentiles = [0] }, new RecordingSink(), TimeProvider.System, NullLogger<StatsdServer>.Instance));
    }
}
