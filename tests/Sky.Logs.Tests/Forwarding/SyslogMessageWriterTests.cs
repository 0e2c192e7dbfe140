using System.Buffers;
using System.Text;
using Sky.Logs.Forwarding;

namespace Sky.Logs.Tests.Forwarding;

public sealed class SyslogMessageWriterTests
{
    [Fact]
    public void A_stdout_line_is_user_info_with_the_service_as_app_the_container_as_procid_and_the_labels_as_structured_data()
    {
        Assert.Equal(
            "<14>1 2026-11-29T12:00:00.123456Z node-1 web sky-web-production-2 stdout [sky@32473 container=\"sky-web-production-2\" "
            + "service=\"web\" instance=\"production\" replica=\"2\" revision=\"17\" kind=\"service\" role=\"main\"] GET / 200",
            Write(SampleLines.Stdout("GET / 200")));
    }

    [Fact]
    public void A_stderr_line_has_severity_err()
    {
        Assert.StartsWith("<11>1 ", Write(SampleLines.Stderr("boom")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_line_is_named_after_its_job_and_carries_its_run_and_only_the_labels_it_has()
    {
        var message = Write(new LogRecord(SampleLines.NightlyJob, SampleLines.Noon, "stdout", "done", Truncated: false));
        Assert.Equal(
            "<14>1 2026-11-29T12:00:00.000000Z node-1 nightly sky-job-nightly-42 stdout "
            + "[sky@32473 container=\"sky-job-nightly-42\" job=\"nightly\" run=\"42\" kind=\"job\"] done",
            message);
    }

    [Fact]
    public void Quotes_backslashes_and_closing_brackets_in_a_label_are_escaped_and_the_text_is_left_as_it_is()
    {
        var source = SampleLines.Web with { Instance = "we\"ird\\in]st" };
        var message = Write(new LogRecord(source, SampleLines.Noon, "stdout", "a \"b\" [c] \\ d\nnext", Truncated: false));
        Assert.Contains(" instance=\"we\\\"ird\\\\in\\]st\" ", message, StringComparison.Ordinal);
        Assert.EndsWith("] a \"b\" [c] \\ d\nnext", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_fields_stay_printable_ascii_of_their_rfc_length()
    {
        var source = SampleLines.Web with { Service = new string('s', 60), Container = "sky web é" };
        var message = Write(new LogRecord(source, SampleLines.Noon, "stdout", "x", Truncated: false));
        var fields = message.Split(' ');
        Assert.Equal(new string('s', 48), fields[3]);
        Assert.Equal("sky_web__", fields[4]);
    }

    [Fact]
    public void A_line_cut_by_the_collector_is_marked_truncated()
    {
        var message = Write(SampleLines.Stdout("partial") with { Truncated = true });
        Assert.Contains(" role=\"main\" truncated=\"true\"] partial", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_too_long_for_a_datagram_is_cut_between_characters_and_marked_truncated()
    {
        var output = new ArrayBufferWriter<byte>();
        new SyslogMessageWriter("node-1").Write(SampleLines.Stdout(new string('é', 50_000)), output, SyslogDatagrams.MaxDatagram);

        Assert.InRange(output.WrittenCount, SyslogDatagrams.MaxDatagram - 1, SyslogDatagrams.MaxDatagram);
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(output.WrittenSpan);
        Assert.Contains(" truncated=\"true\"] éé", text, StringComparison.Ordinal);
        Assert.EndsWith("é", text, StringComparison.Ordinal);
    }

    private static string Write(LogRecord record)
    {
        var output = new ArrayBufferWriter<byte>();
        new SyslogMessageWriter("node-1").Write(record, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
