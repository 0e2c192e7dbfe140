using Sky.Logs.Forwarding;

namespace Sky.Logs.Tests.Forwarding;

public sealed class ForwardTargetTests
{
    [Theory]
    [InlineData("gelf+udp://127.0.0.1:12201", ForwardProtocol.GelfUdp, "127.0.0.1", 12201)]
    [InlineData("gelf+tcp://logs.example.com:12201", ForwardProtocol.GelfTcp, "logs.example.com", 12201)]
    [InlineData("syslog+udp://10.0.0.5:514", ForwardProtocol.SyslogUdp, "10.0.0.5", 514)]
    [InlineData("SYSLOG+TCP://logs:6514/", ForwardProtocol.SyslogTcp, "logs", 6514)]
    [InlineData("syslog+tcp://[::1]:514", ForwardProtocol.SyslogTcp, "::1", 514)]
    public void Each_of_the_four_schemes_reads_as_its_protocol_host_and_port(string text, ForwardProtocol protocol, string host, int port)
    {
        Assert.True(ForwardTarget.TryParse(text, out var target, out var error), error);
        Assert.Equal(new ForwardTarget(protocol, host, port), target);
    }

    [Theory]
    [InlineData("gelf+udp://127.0.0.1:12201")]
    [InlineData("syslog+tcp://[::1]:514")]
    public void A_target_prints_back_as_the_text_it_was_read_from(string text)
    {
        Assert.True(ForwardTarget.TryParse(text, out var target, out _));
        Assert.Equal(text, target.ToString());
    }

    [Theory]
    [InlineData("http://logs:514", "unknown scheme 'http'")]
    [InlineData("gelf://logs:12201", "unknown scheme 'gelf'")]
    [InlineData("logs.example.com:514", "is not a log target")]
    public void An_unknown_scheme_is_named_with_the_four_that_work(string text, string expected)
    {
        Assert.False(ForwardTarget.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("gelf+udp, gelf+tcp, syslog+udp or syslog+tcp", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gelf+udp://logs.example.com", "missing port")]
    [InlineData("gelf+udp://logs.example.com:", "missing port")]
    [InlineData("syslog+tcp://[::1]", "missing port")]
    [InlineData("syslog+udp://logs:0", "invalid port '0'")]
    [InlineData("syslog+udp://logs:65536", "invalid port '65536'")]
    [InlineData("syslog+udp://logs:51x", "invalid port '51x'")]
    [InlineData("syslog+udp://logs:-514", "invalid port '-514'")]
    [InlineData("gelf+tcp://:12201", "missing host")]
    [InlineData("gelf+tcp://", "missing host")]
    [InlineData("gelf+tcp://logs example:12201", "invalid host 'logs example'")]
    [InlineData("gelf+tcp://logs:12201/path", "no path")]
    public void A_bad_host_or_port_is_said_plainly(string text, string expected)
    {
        Assert.False(ForwardTarget.TryParse(text, out var target, out var error));
        Assert.Null(target);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_port_error_suggests_the_usual_port_of_the_protocol()
    {
        Assert.False(ForwardTarget.TryParse("gelf+udp://graylog", out _, out var gelf));
        Assert.False(ForwardTarget.TryParse("syslog+tcp://graylog", out _, out var syslog));
        Assert.Contains("12201", gelf, StringComparison.Ordinal);
        Assert.Contains("514", syslog, StringComparison.Ordinal);
    }
}
