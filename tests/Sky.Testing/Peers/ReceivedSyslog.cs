using System.Globalization;
using System.Text;

namespace Sky.Testing.Peers;

/// <summary>
/// One RFC 5424 message as a syslog server wrote it: <c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID
/// STRUCTURED-DATA MSG</c>, with the first structured-data element's parameters unescaped.
/// </summary>
public sealed record ReceivedSyslog(
    int Priority,
    string Timestamp,
    string Host,
    string App,
    string ProcId,
    string MsgId,
    string StructuredData,
    IReadOnlyDictionary<string, string> Parameters,
    string Message)
{
    public static ReceivedSyslog Parse(string line)
    {
        var close = line.IndexOf('>', StringComparison.Ordinal);
        var priority = int.Parse(line.AsSpan(1, close - 1), CultureInfo.InvariantCulture);
        var at = close + 1;
        var version = Field(line, ref at);
        if (version != "1")
        {
            throw new FormatException($"not an RFC 5424 line: {line}");
        }

        var timestamp = Field(line, ref at);
        var host = Field(line, ref at);
        var app = Field(line, ref at);
        var procId = Field(line, ref at);
        var msgId = Field(line, ref at);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var sdStart = at;
        if (at < line.Length && line[at] == '-')
        {
            at++;
        }
        else
        {
            var first = true;
            while (at < line.Length && line[at] == '[')
            {
                at = StructuredElement(line, at, first ? parameters : null);
                first = false;
            }
        }

        var structuredData = line[sdStart..at];
        var message = at < line.Length ? line[(at + 1)..] : "";
        return new ReceivedSyslog(priority, timestamp, host, app, procId, msgId, structuredData, parameters, message);
    }

    private static string Field(string line, ref int at)
    {
        var end = line.IndexOf(' ', at);
        var field = line[at..end];
        at = end + 1;
        return field;
    }

    // Reads one [ID name="value" ...] element from `at` (its '['), and returns where it ends (after its ']').
    private static int StructuredElement(string line, int at, Dictionary<string, string>? parameters)
    {
        at++;
        while (line[at] is not (' ' or ']'))
        {
            at++;
        }

        while (line[at] == ' ')
        {
            var equals = line.IndexOf('=', at);
            var name = line[(at + 1)..equals];
            var value = new StringBuilder();
            at = equals + 2;
            while (line[at] != '"')
            {
                if (line[at] == '\\' && line[at + 1] is '"' or '\\' or ']')
                {
                    at++;
                }

                value.Append(line[at]);
                at++;
            }

            parameters?.TryAdd(name, value.ToString());
            at++;
        }

        return at + 1;
    }
}
