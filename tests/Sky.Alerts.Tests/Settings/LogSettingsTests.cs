using Sky.Api.Settings;
using Sky.Logs.Forwarding;

namespace Sky.Alerts.Tests.Settings;

/// <summary><c>logs:</c> of the daemon's settings file: retention, size limit and forwarding targets.</summary>
public sealed class LogSettingsTests
{
    private static DaemonSettingsResult Parse(string content) => DaemonSettingsLoader.Parse("settings.yml", content, null);

    [Fact]
    public void Without_logs_the_store_keeps_7_days_and_1_GiB_and_forwards_nowhere()
    {
        var logs = Parse("listen: 127.0.0.1:7070\n").Settings!.Logs;

        Assert.Equal((TimeSpan.FromDays(7), 1L << 30, 0), (logs.Retention.MaxAge, logs.Retention.MaxBytes, logs.Forward.Count));
    }

    [Fact]
    public void Retention_max_size_and_forward_targets_are_read()
    {
        var logs = Parse("logs:\n  retention: 2d\n  max-size: 500m\n  forward: [ \"gelf+udp://127.0.0.1:12201\", \"syslog+tcp://logs.example.com:514\" ]\n").Settings!.Logs;

        Assert.Equal((TimeSpan.FromDays(2), 500L * 1024 * 1024), (logs.Retention.MaxAge, logs.Retention.MaxBytes));
        Assert.Equal([new ForwardTarget(ForwardProtocol.GelfUdp, "127.0.0.1", 12201), new ForwardTarget(ForwardProtocol.SyslogTcp, "logs.example.com", 514)], logs.Forward);
    }

    [Fact]
    public void A_bad_target_is_an_error_with_its_place_and_starts_nothing()
    {
        var result = Parse("logs:\n  forward:\n    - gelf+udp://127.0.0.1:12201\n    - kafka://broker:9092\n");

        Assert.Null(result.Settings);
        var error = Assert.Single(result.Errors);
        Assert.Contains("settings.yml:4:7", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("kafka", error.ToString(), StringComparison.Ordinal);
    }
}
