namespace Sky.Contracts;

/// <summary>
/// <c>POST /oneoffs</c>: an interactive container. <see cref="Start"/> false leaves it created so that the first attach
/// starts it: the client then sees the shell's first prompt, which a start before the attach would lose.
/// </summary>
public sealed record OneOffCreateRequest
{
    /// <summary>Null: the daemon's default one-off image.</summary>
    public string? Image { get; init; }

    /// <summary>Null: <c>sh</c>.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    public bool Start { get; init; } = true;

    public string? CreatedBy { get; init; }
}
