using System.Buffers;
using System.Globalization;
using System.Text;

namespace Sky.Logs.Forwarding;

/// <summary>
/// Writes a line as an RFC 5424 syslog message:
/// <c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [sky@32473 container="..." ...] MSG</c>. Facility user;
/// severity info for stdout and err for stderr; the service (else the job, else "sky") as APP-NAME, the container as
/// PROCID and the stream as MSGID, so that receivers which only read the header still tell lines apart; the labels
/// that are set as structured data. One writer is reused for every line of one sender: a line costs no allocation.
/// </summary>
/// <remarks>
/// MSG is the text in UTF-8 without the BOM RFC 5424 puts before a UTF-8 MSG: the RFC allows MSG without it (then
/// receivers cannot be sure of the encoding), and a BOM ends up as stray bytes at the start of every line in
/// receivers that do not strip it. Newlines stay in MSG: framing (octet counting over TCP, one datagram per message
/// over UDP) never depends on them.
/// </remarks>
internal sealed class SyslogMessageWriter
{
    /// <summary>
    /// The structured-data ID. 32473 is the private enterprise number RFC 5612 reserves for documentation and
    /// examples, used because sky has none of its own; receivers just read the name.
    /// </summary>
    public const string StructuredDataId = "sky@32473";

    private const int UserFacility = 1;
    private const int Informational = 6;
    private const int Error = 3;
    private const int HostNameLength = 255;
    private const int AppNameLength = 48;
    private const int ProcIdLength = 128;
    private const int MsgIdLength = 32;

    private readonly byte[] hostName;

    public SyslogMessageWriter(string hostName)
    {
        var field = new ArrayBufferWriter<byte>();
        WriteHeaderField(field, hostName, HostNameLength);
        this.hostName = field.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Appends the message to <paramref name="output"/>, at most <paramref name="maxBytes"/> long: a longer text is
    /// cut at a character boundary and marked with <c>truncated="true"</c>, as a line cut by the collector is.
    /// </summary>
    public void Write(LogRecord record, ArrayBufferWriter<byte> output, int maxBytes = int.MaxValue)
    {
        var start = output.WrittenCount;
        var severity = record.Stream == "stderr" ? Error : Informational;
        WriteAscii(output, "<");
        WriteNumber(output, UserFacility * 8 + severity);
        WriteAscii(output, ">1 ");
        WriteTimestamp(output, record.Time);
        WriteAscii(output, " ");
        output.Write(hostName);
        WriteAscii(output, " ");
        var source = record.Source;
        WriteHeaderField(output, source.Service ?? source.Job ?? "sky", AppNameLength);
        WriteAscii(output, " ");
        WriteHeaderField(output, source.Container, ProcIdLength);
        WriteAscii(output, " ");
        WriteHeaderField(output, record.Stream, MsgIdLength);
        WriteAscii(output, " [" + StructuredDataId);
        WriteParameter(output, "container", source.Container);
        WriteParameter(output, "service", source.Service);
        WriteParameter(output, "instance", source.Instance);
        WriteParameter(output, "replica", source.Replica);
        WriteParameter(output, "revision", source.Revision);
        WriteParameter(output, "job", source.Job);
        WriteParameter(output, "run", source.Run);
        WriteParameter(output, "kind", source.Kind);
        WriteParameter(output, "role", source.Role);
        var textBytes = Encoding.UTF8.GetByteCount(record.Text);
        const string truncated = " truncated=\"true\"";
        var cut = !record.Truncated && output.WrittenCount - start + truncated.Length + 2 + textBytes > maxBytes;
        if (record.Truncated || cut)
        {
            WriteAscii(output, truncated);
        }

        WriteAscii(output, "] ");
        var room = Math.Max(0, maxBytes - (output.WrittenCount - start));
        var text = output.GetSpan(textBytes);
        Encoding.UTF8.GetBytes(record.Text, text);
        output.Advance(textBytes <= room ? textBytes : Utf8Boundary(text, room));
    }

    // The longest prefix of at most `room` bytes that ends between two characters (a UTF-8 continuation byte is
    // 10xxxxxx).
    private static int Utf8Boundary(ReadOnlySpan<byte> text, int room)
    {
        var end = room;
        while (end > 0 && (text[end] & 0xC0) == 0x80)
        {
            end--;
        }

        return end;
    }

    // RFC 3339 in UTC with microseconds, e.g. 2026-11-29T10:00:00.123456Z (RFC 5424 allows at most six digits).
    private static void WriteTimestamp(ArrayBufferWriter<byte> output, DateTimeOffset time)
    {
        var span = output.GetSpan(32);
        time.UtcDateTime.TryFormat(span, out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    // Header fields are printable US-ASCII without spaces (33 to 126), of a bounded length; "-" stands for none.
    // Anything else becomes '_' so that one odd character cannot shift every field after it.
    private static void WriteHeaderField(ArrayBufferWriter<byte> output, string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            WriteAscii(output, "-");
            return;
        }

        var length = Math.Min(value.Length, maxLength);
        var span = output.GetSpan(length);
        for (var i = 0; i < length; i++)
        {
            var c = value[i];
            span[i] = c is >= '!' and <= '~' ? (byte)c : (byte)'_';
        }

        output.Advance(length);
    }

    private static void WriteParameter(ArrayBufferWriter<byte> output, string name, long? value)
    {
        if (value is { } number)
        {
            WriteParameterName(output, name);
            WriteNumber(output, number);
            WriteAscii(output, "\"");
        }
    }

    // A PARAM-VALUE is UTF-8 in quotes where '"', '\' and ']' carry a backslash (RFC 5424, 6.3.3).
    private static void WriteParameter(ArrayBufferWriter<byte> output, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        WriteParameterName(output, name);
        var rest = value.AsSpan();
        while (rest.Length > 0)
        {
            var special = rest.IndexOfAny('"', '\\', ']');
            var plain = special < 0 ? rest : rest[..special];
            Encoding.UTF8.GetBytes(plain, output);
            if (special < 0)
            {
                break;
            }

            output.Write([(byte)'\\', (byte)rest[special]]);
            rest = rest[(special + 1)..];
        }

        WriteAscii(output, "\"");
    }

    private static void WriteParameterName(ArrayBufferWriter<byte> output, string name)
    {
        WriteAscii(output, " ");
        WriteAscii(output, name);
        WriteAscii(output, "=\"");
    }

    private static void WriteNumber(ArrayBufferWriter<byte> output, long number)
    {
        var span = output.GetSpan(20);
        number.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    private static void WriteAscii(ArrayBufferWriter<byte> output, string text) => Encoding.ASCII.GetBytes(text, output);
}
