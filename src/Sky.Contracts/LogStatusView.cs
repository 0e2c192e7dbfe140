namespace Sky.Contracts;

/// <summary><c>GET /logs/status</c>: what the log store holds and keeps, and how each forwarding target is doing.</summary>
public sealed record LogStatusView
{
    public required long BytesOnDisk { get; init; }

    public required long MaxBytes { get; init; }

    public required double RetentionDays { get; init; }

    /// <summary>Containers whose lines are kept (some may be gone).</summary>
    public required int Sources { get; init; }

    public required long Lines { get; init; }

    public IReadOnlyList<LogForwardView> Forwarding { get; init; } = [];
}
