using System.Text.Json.Nodes;

namespace Sky.Testing.Peers;

/// <summary>One GELF message as the receiver got it: the JSON, how it was compressed and in how many chunks it came.</summary>
/// <param name="Compression"><c>gzip</c>, <c>zlib</c> or <c>none</c>.</param>
/// <param name="Chunks">GELF chunks it came in; 0 when it was one datagram (or a TCP frame).</param>
public sealed record ReceivedGelf(JsonObject Message, string Compression, int Chunks)
{
    public string ShortMessage => (string?)Message["short_message"] ?? "";

    /// <summary>An additional field's value as text (numbers too), or null when the message lacks it.</summary>
    public string? Field(string name) => Message[name]?.ToString();
}
