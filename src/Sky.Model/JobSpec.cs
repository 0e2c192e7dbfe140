namespace Sky.Model;

/// <summary>A recurrent job: an entry of the configuration with <c>every:</c>.</summary>
public sealed record JobSpec
{
    public required string Name { get; init; }

    public Maintainer? Maintainer { get; init; }

    public required string Image { get; init; }

    public IReadOnlyList<string>? Command { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public long? MemoryBytes { get; init; }

    public double? Cpus { get; init; }

    public IReadOnlyList<VolumeMount> Volumes { get; init; } = [];

    /// <summary>The schedule as written (<c>1 day at 17:00</c>, a cron expression...).</summary>
    public required string Every { get; init; }

    /// <summary>IANA time zone the schedule is read in; null means UTC.</summary>
    public string? TimeZone { get; init; }

    public bool NotifyOnCompletion { get; init; }

    public MissedRunPolicy Missed { get; init; } = MissedRunPolicy.Skip;

    public OverlapPolicy Overlap { get; init; } = OverlapPolicy.Skip;

    /// <summary>A run still going after this long is stopped and recorded as failed; null means no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    public string? Source { get; init; }
}
