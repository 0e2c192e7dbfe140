namespace Sky.Contracts;

/// <summary><c>POST /runs</c>: a command to run to completion in a new container of <see cref="Image"/>.</summary>
public sealed record RunRequest
{
    public required string Image { get; init; }

    public IReadOnlyList<string> Command { get; init; } = [];

    public string? CreatedBy { get; init; }
}
