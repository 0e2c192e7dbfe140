namespace Sky.OneOffs;

/// <summary>What one-off containers start from and how long a finished one is kept before the sweeper removes it.</summary>
public sealed record OneOffOptions
{
    public string Image { get; init; } = "base:0.7";

    public TimeSpan RemoveAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the sweeper looks; short removal delays are checked more often so they hold roughly.</summary>
    public TimeSpan SweepInterval => TimeSpan.FromTicks(Math.Clamp(RemoveAfter.Ticks / 4, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromSeconds(30).Ticks));
}
