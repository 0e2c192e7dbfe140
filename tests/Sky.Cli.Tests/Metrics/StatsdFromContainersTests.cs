using System.Text.Json;
using Sky.Api.Settings;
using Sky.Metrics;
using Sky.Testing;
using Sky.Testing.Peers;

namespace Sky.Cli.Tests.Metrics;

/// <summary>Applications in sky's containers find StatsD by the environment, with nothing configured.</summary>
public sealed class StatsdFromContainersTests
{
    [Fact]
    public async Task A_container_is_told_where_StatsD_listens_and_what_it_sends_there_arrives()
    {
        var settings = new DaemonSettings { Statsd = new() { FlushInterval = TimeSpan.FromSeconds(1) }, Metrics = new MetricsSettings { SampleInterval = TimeSpan.FromSeconds(1) } };
        await using var daemon = await TestDaemon.StartAsync(settings: settings, statsdPort: FreePort.Next());
        // busybox has no UDP client but tftp: its write request carries the file name, and a name of several lines
        // puts a StatsD line of its own in the datagram (the lines around it count as bad lines).
        var config = ConfigFile.Write("""
            sender:
              image: base:0.7
              command: |
                echo x > /tmp/f
                while true; do timeout 1 tftp -p -l /tmp/f -r "$(printf 'x\nfrom_container:1|c\ny')" "$STATSD_HOST" "$STATSD_PORT"; done
            """);
        Assert.Equal(0, (await daemon.RunAsync("apply", config)).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "sender")).ExitCode);

        var environment = (await Docker.InspectAsync(daemon.Name("sender"))).GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(environment, e => e.StartsWith("STATSD_HOST=", StringComparison.Ordinal) && e != "STATSD_HOST=127.0.0.1");
        Assert.Contains($"STATSD_PORT={daemon.StatsdPort}", environment);

        var counted = await Eventually.WaitForAsync(
            async () => JsonDocument.Parse((await daemon.RunAsync("metrics", "--global", "stats_counts.from_container", "--since", "5m", "-o", "json")).Output).RootElement,
            view => view.GetProperty("series").EnumerateArray().Any(s => s.GetProperty("values").EnumerateArray().Any(v => v.GetDouble() >= 1)),
            TimeSpan.FromSeconds(60),
            "stats_counts.from_container counted");
        Assert.False(counted.GetProperty("series")[0].TryGetProperty("service", out _), "a StatsD name belongs to no service");
    }
}
