using Sky.Testing;
using Sky.Testing.Peers;

namespace Sky.Logs.Tests.Forwarding;

/// <summary>Syslog forwarding against a real rsyslog, which parses what it gets as RFC 5424 and writes it back out.</summary>
public sealed class LogForwardingToRsyslogTests
{
    // rsyslog escapes control characters it receives (parser.escapeControlCharactersOnReceive), a newline as #012:
    // seeing it in the middle of the message shows the line arrived as one message.
    private const string Awkward = "say \"hi\" [x] \\ ] {\"json\": true}\nsecond line";
    private const string AwkwardAsWritten = "say \"hi\" [x] \\ ] {\"json\": true}#012second line";

    [Theory]
    [InlineData("syslog+udp")]
    [InlineData("syslog+tcp")]
    public async Task Rsyslog_reads_a_line_as_rfc_5424_with_its_labels_as_structured_data(string scheme)
    {
        await using var rsyslog = await Rsyslog.StartAsync();
        await using var forwarding = TestForwarding.Start(TargetOf(rsyslog, scheme));

        forwarding.Offer(SampleLines.Stdout("GET / 200"));

        var line = await rsyslog.WaitForAsync(m => m.ProcId == "sky-web-production-2", "the web line");
        Assert.Equal(14, line.Priority);
        Assert.Equal("2026-11-29T12:00:00.123456Z", line.Timestamp);
        Assert.Equal(TestForwarding.HostName, line.Host);
        Assert.Equal("web", line.App);
        Assert.Equal("stdout", line.MsgId);
        Assert.StartsWith("[sky@32473 ", line.StructuredData, StringComparison.Ordinal);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["container"] = "sky-web-production-2",
                ["service"] = "web",
                ["instance"] = "production",
                ["replica"] = "2",
                ["revision"] = "17",
                ["kind"] = "service",
                ["role"] = "main",
            },
            line.Parameters);
        Assert.Equal("GET / 200", line.Message);
    }

    [Theory]
    [InlineData("syslog+udp")]
    [InlineData("syslog+tcp")]
    public async Task Quotes_brackets_and_a_newline_in_a_line_or_a_label_survive_as_one_message(string scheme)
    {
        await using var rsyslog = await Rsyslog.StartAsync();
        await using var forwarding = TestForwarding.Start(TargetOf(rsyslog, scheme));
        var source = SampleLines.Web with { Instance = "odd \"one\" ]\\" };

        forwarding.Offer(new LogRecord(source, SampleLines.Noon, "stderr", Awkward, Truncated: false));
        forwarding.Offer(SampleLines.Stdout("after"));

        await rsyslog.WaitForAsync(m => m.Message == "after", "the line after the awkward one");
        var ours = rsyslog.Messages().Where(m => m.App == "web").ToList();
        Assert.Equal(2, ours.Count);
        Assert.Equal(AwkwardAsWritten, ours[0].Message);
        Assert.Equal(11, ours[0].Priority);
        Assert.Equal("stderr", ours[0].MsgId);
        Assert.Equal("odd \"one\" ]\\", ours[0].Parameters["instance"]);
        Assert.Equal("after", ours[1].Message);
    }

    [Fact]
    public async Task Many_lines_over_tcp_arrive_in_order_each_as_one_message()
    {
        await using var rsyslog = await Rsyslog.StartAsync();
        await using var forwarding = TestForwarding.Start(TargetOf(rsyslog, "syslog+tcp"));

        forwarding.OfferAll(SampleLines.Numbered("line\nwith a newline", 500));

        var expected = Enumerable.Range(1, 500).Select(i => $"line#012with a newline {i:D4}").ToList();
        await Eventually.GetAsync(() => rsyslog.Messages().Count(m => m.App == "web") >= 500 ? "all" : null, TimeSpan.FromSeconds(15), "500 lines");
        Assert.Equal(expected, rsyslog.Messages().Where(m => m.App == "web").Select(m => m.Message));
        Assert.Equal(500, Assert.Single(forwarding.Status()).Sent);
    }

    private static string TargetOf(Rsyslog rsyslog, string scheme) =>
        scheme == "syslog+udp" ? $"syslog+udp://127.0.0.1:{rsyslog.UdpPort}" : $"syslog+tcp://127.0.0.1:{rsyslog.TcpPort}";
}
