namespace Sky.Api.Settings;

/// <summary>Recurrent jobs: how long before its tick a job's container is made ready (0 s: created at the tick).</summary>
public sealed record JobSettings
{
    public static readonly TimeSpan DefaultArmAhead = TimeSpan.FromSeconds(30);

    public TimeSpan ArmAhead { get; init; } = DefaultArmAhead;
}
