namespace Sky.Logs.Forwarding;

/// <summary>How lines travel to a central log system: the message format and the transport under it.</summary>
public enum ForwardProtocol
{
    /// <summary>GELF 1.1 JSON, gzip-compressed, one datagram per message or GELF chunks when it is larger.</summary>
    GelfUdp,

    /// <summary>GELF 1.1 JSON, uncompressed, each message ended by a null byte.</summary>
    GelfTcp,

    /// <summary>RFC 5424 syslog, one datagram per message.</summary>
    SyslogUdp,

    /// <summary>RFC 5424 syslog framed by octet counting (RFC 6587), so newlines inside a line cannot split it.</summary>
    SyslogTcp,
}
