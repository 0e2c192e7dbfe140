namespace Sky.Logs.Forwarding;

/// <summary>Turns a line into the UDP datagrams that carry it.</summary>
internal interface IDatagramEncoding : IDisposable
{
    /// <summary>
    /// Adds the line's datagrams to <paramref name="datagrams"/> and returns null, or returns why the line cannot be
    /// sent (then adds nothing). The datagrams stay valid until the next call.
    /// </summary>
    string? Encode(LogRecord record, List<ReadOnlyMemory<byte>> datagrams);
}
