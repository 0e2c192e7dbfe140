namespace Sky.Model;

/// <summary>
/// A restart mode and, for <see cref="RestartMode.OnFailure"/>, how many consecutive restarts are allowed
/// before the container is declared crash-looping. Zero retries with on-failure means "no limit".
/// </summary>
public sealed record RestartPolicy(RestartMode Mode, int MaxRetries)
{
    /// <summary>The default of DESIGN.md: on-failure:5 with back-off.</summary>
    public static RestartPolicy Default { get; } = new(RestartMode.OnFailure, 5);

    public override string ToString() => Mode switch
    {
        RestartMode.No => "no",
        RestartMode.OnFailure => MaxRetries > 0 ? $"on-failure:{MaxRetries}" : "on-failure",
        RestartMode.Always => "always",
        RestartMode.UnlessStopped => "unless-stopped",
        _ => Mode.ToString(),
    };
}
