namespace Sky.Logs.Store;

/// <summary>Whose lines a reader wants: by labels (all that are set must match), by stream and by time.</summary>
public sealed record LogFilter
{
    /// <summary><c>service</c>, <c>job</c> or <c>one-off</c>; any when null.</summary>
    public string? Kind { get; init; }

    public string? Service { get; init; }

    public string? Instance { get; init; }

    public string? Job { get; init; }

    public long? Run { get; init; }

    /// <summary>A container name.</summary>
    public string? Container { get; init; }

    /// <summary>Only the service's own containers (role <c>main</c>), not its dependencies.</summary>
    public bool MainOnly { get; init; }

    /// <summary><c>stdout</c> or <c>stderr</c>; both when null.</summary>
    public string? Stream { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    /// <summary>Bit 0: stdout, bit 1: stderr.</summary>
    internal int StreamMask => Stream switch
    {
        "stdout" => 1,
        "stderr" => 2,
        _ => 3,
    };

    internal bool Matches(LogSource source) =>
        (Kind is null || source.Kind == Kind)
        && (Service is null || source.Service == Service)
        && (Instance is null || source.Instance == Instance)
        && (Job is null || source.Job == Job)
        && (Run is null || source.Run == Run)
        && (Container is null || source.Container == Container)
        && (!MainOnly || source.Role is null || source.Role == Sky.Model.SkyLabels.MainRole);
}
