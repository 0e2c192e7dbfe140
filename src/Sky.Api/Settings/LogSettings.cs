using Sky.Logs.Forwarding;
using Sky.Logs.Store;

namespace Sky.Api.Settings;

/// <summary><c>logs:</c> of the daemon settings: how long and how much output is kept, and where it is forwarded.</summary>
public sealed record LogSettings
{
    public LogRetention Retention { get; init; } = new();

    /// <summary>Log systems every line also goes to, as <c>gelf+udp://HOST:PORT</c>, <c>syslog+tcp://HOST:PORT</c>...</summary>
    public IReadOnlyList<ForwardTarget> Forward { get; init; } = [];
}
