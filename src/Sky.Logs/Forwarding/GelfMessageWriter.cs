using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sky.Logs.Forwarding;

/// <summary>
/// Writes a line as a GELF 1.1 message: the JSON object with version, host, short_message, timestamp and level, and
/// the line's labels as additional fields (<c>_service</c>, <c>_replica</c>...), only those that are set. One writer
/// is reused for every line of one sender, so a line costs no allocation here.
/// </summary>
internal sealed class GelfMessageWriter(string hostName) : IDisposable
{
    /// <summary>
    /// What a blank line is sent as. Graylog rejects a message whose short_message is empty or only white space ("has
    /// empty mandatory short_message field"), so a single space would be thrown away as surely as an empty string;
    /// a visible word keeps the line, and its place among its neighbours, in the log system.
    /// </summary>
    public const string BlankLine = "(empty)";

    private const int Informational = 6;
    private const int Error = 3;
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    // Relaxed escaping keeps non-ASCII text as UTF-8 rather than \uXXXX: the JSON goes to a log system, never into
    // HTML, and stays smaller.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Utf8JsonWriter json = new(Stream.Null, Options);

    public void Write(LogRecord record, IBufferWriter<byte> output)
    {
        json.Reset(output);
        json.WriteStartObject();
        json.WriteString("version", "1.1");
        json.WriteString("host", hostName);
        json.WriteString("short_message", string.IsNullOrWhiteSpace(record.Text) ? BlankLine : record.Text);
        json.WriteNumber("timestamp", UnixSeconds(record.Time));
        json.WriteNumber("level", record.Stream == "stderr" ? Error : Informational);
        var source = record.Source;
        WriteIfSet("_container", source.Container);
        WriteIfSet("_container_id", source.ContainerId);
        WriteIfSet("_kind", source.Kind);
        WriteIfSet("_service", source.Service);
        WriteIfSet("_instance", source.Instance);
        WriteIfSet("_role", source.Role);
        WriteIfSet("_replica", source.Replica);
        WriteIfSet("_revision", source.Revision);
        WriteIfSet("_job", source.Job);
        WriteIfSet("_run", source.Run);
        json.WriteString("_stream", record.Stream);
        if (record.Truncated)
        {
            // GELF's additional fields are strings or numbers, so a flag is a number; absent means not cut.
            json.WriteNumber("_truncated", 1);
        }

        json.WriteEndObject();
        json.Flush();
    }

    public void Dispose() => json.Dispose();

    // Seconds since the epoch with the microseconds as a decimal fraction: a decimal keeps every digit, where a double
    // (about 16 significant digits) would blur the last ones.
    private static decimal UnixSeconds(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond / 1_000_000m;

    private void WriteIfSet(string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json.WriteString(field, value);
        }
    }

    private void WriteIfSet(string field, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(field, number);
        }
    }
}
