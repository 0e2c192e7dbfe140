namespace Sky.Model;

/// <summary>
/// One lifecycle check of a container. <see cref="Port"/> is the container port to probe for
/// <see cref="CheckKind.Http"/> and <see cref="CheckKind.Port"/> checks (for HTTP it defaults to the main port).
/// </summary>
public sealed record CheckSpec
{
    public required CheckKind Kind { get; init; }

    public string? Path { get; init; }

    public int? Port { get; init; }

    public string? Command { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Consecutive failures before the container is unhealthy.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>Failures during this time after start do not count.</summary>
    public TimeSpan StartPeriod { get; init; } = TimeSpan.Zero;

    public override string ToString() => Kind switch
    {
        CheckKind.Http => $"http {Path} on port {Port}",
        CheckKind.Port => $"port {Port}",
        CheckKind.Command => $"command {Command}",
        _ => Kind.ToString(),
    };
}
