namespace Sky.Model;

/// <summary>A container as the engine reports it, reduced to what planning and supervision need.</summary>
public sealed record ObservedContainer
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required ContainerState State { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public string? Image { get; init; }

    public DateTimeOffset? Created { get; init; }

    public string? ConfigHash => Labels.GetValueOrDefault(SkyLabels.ConfigHash);

    public string? Service => Labels.GetValueOrDefault(SkyLabels.Service);

    public string? Instance => Labels.GetValueOrDefault(SkyLabels.Instance);

    public bool IsRunning => State is ContainerState.Running or ContainerState.Restarting;
}
