namespace Sky.Contracts;

/// <summary>
/// <c>POST /oneoffs</c>: an interactive container. <see cref="Start"/> false leaves it created so that the first attach
/// starts it: the client then sees the shell's first prompt, which a start before the attach would lose.
/// </summary>
/// <remarks>
/// Setters, not init: the generated JSON metadata sets init-only properties as constructor arguments, so one left out of
/// the body would get its type's default (<see cref="Start"/> false) rather than its initializer's value, and a value of
/// the wrong kind would be reported against the whole request rather than as "expected a string".
/// </remarks>
public sealed record OneOffCreateRequest
{
    /// <summary>Null: the daemon's default one-off image.</summary>
    public string? Image { get; set; }

    /// <summary>Null: <c>sh</c>.</summary>
    public IReadOnlyList<string>? Command { get; set; }

    public bool Start { get; set; } = true;

    public string? CreatedBy { get; set; }
}
