using System.Net;

namespace Sky.Metrics.Export;

/// <summary>The daemon settings' <c>graphite:</c> section: where carbon listens (plaintext over TCP), and how much may wait for it.</summary>
public sealed record GraphiteSettings(DnsEndPoint Address)
{
    /// <summary>Lines kept while carbon is away: 300 containers' samples for about five minutes.</summary>
    public int BufferLines { get; init; } = 500_000;

    /// <summary>The longest wait between two tries to connect again.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(2);
}
