using System.Buffers;
using System.Globalization;
using System.Text.Json.Nodes;
using Sky.Logs.Forwarding;

namespace Sky.Logs.Tests.Forwarding;

public sealed class GelfMessageWriterTests
{
    [Fact]
    public void A_stdout_line_is_gelf_1_1_at_level_6_with_every_label_as_an_additional_field()
    {
        var message = Write(SampleLines.Stdout("GET / 200"));

        Assert.Equal("1.1", (string?)message["version"]);
        Assert.Equal("node-1", (string?)message["host"]);
        Assert.Equal("GET / 200", (string?)message["short_message"]);
        Assert.Equal(6, (int?)message["level"]);
        Assert.Equal("sky-web-production-2", (string?)message["_container"]);
        Assert.Equal("3f2a9c1d8e7b", (string?)message["_container_id"]);
        Assert.Equal("service", (string?)message["_kind"]);
        Assert.Equal("web", (string?)message["_service"]);
        Assert.Equal("production", (string?)message["_instance"]);
        Assert.Equal("main", (string?)message["_role"]);
        Assert.Equal(2, (int?)message["_replica"]);
        Assert.Equal(17, (long?)message["_revision"]);
        Assert.Equal("stdout", (string?)message["_stream"]);
        Assert.Null(message["_truncated"]);
    }

    [Fact]
    public void The_timestamp_is_unix_seconds_with_the_microseconds_as_fraction()
    {
        var message = Write(SampleLines.Stdout("x"));
        var seconds = SampleLines.Noon.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(seconds + ".123456", message["timestamp"]!.ToJsonString());
    }

    [Fact]
    public void A_stderr_line_is_level_3()
    {
        Assert.Equal(3, (int?)Write(SampleLines.Stderr("boom"))["level"]);
    }

    [Fact]
    public void A_job_line_carries_its_job_and_run_and_no_labels_it_lacks()
    {
        var message = Write(new LogRecord(SampleLines.NightlyJob, SampleLines.Noon, "stdout", "done", Truncated: false));
        Assert.Equal("nightly", (string?)message["_job"]);
        Assert.Equal(42, (long?)message["_run"]);
        Assert.Equal("job", (string?)message["_kind"]);
        foreach (var absent in new[] { "_service", "_instance", "_role", "_replica", "_revision" })
        {
            Assert.False(message.ContainsKey(absent), absent);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void A_blank_line_is_sent_as_a_word_since_graylog_rejects_a_blank_short_message(string text)
    {
        Assert.Equal(GelfMessageWriter.BlankLine, (string?)Write(SampleLines.Stdout(text))["short_message"]);
    }

    [Fact]
    public void A_cut_line_is_marked_truncated_and_control_characters_and_accents_survive()
    {
        var message = Write(SampleLines.Stdout("é \"quoted\" \0 end") with { Truncated = true });
        Assert.Equal(1, (int?)message["_truncated"]);
        Assert.Equal("é \"quoted\" \0 end", (string?)message["short_message"]);
    }

    private static JsonObject Write(LogRecord record)
    {
        var output = new ArrayBufferWriter<byte>();
        using var writer = new GelfMessageWriter("node-1");
        writer.Write(record, output);
        Assert.DoesNotContain((byte)0, output.WrittenSpan.ToArray());
        return JsonNode.Parse(output.WrittenSpan)!.AsObject();
    }
}
