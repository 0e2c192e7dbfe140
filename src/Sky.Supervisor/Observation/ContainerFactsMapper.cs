using System.Globalization;
using Sky.Feed;
using Sky.Model;
using Sky.Runtime;

namespace Sky.Supervisor.Observation;

/// <summary>Turns what the engine says (a listed container, an event) into the feed's <see cref="ContainerFacts"/>.</summary>
public static class ContainerFactsMapper
{
    /// <summary>The phase an engine action moves a container to; null for actions that change none (exec, attach...).</summary>
    public static ContainerPhase? PhaseOf(EngineEvent engineEvent) => engineEvent.Action switch
    {
        "create" => ContainerPhase.Created,
        "start" or "unpause" => ContainerPhase.Running,
        "die" => ContainerPhase.Died,
        "stop" => ContainerPhase.Stopped,
        "destroy" => ContainerPhase.Removed,
        _ => null,
    };

    public static ContainerFacts From(EngineEvent engineEvent, ContainerPhase phase)
    {
        var attributes = engineEvent.Attributes;
        return new ContainerFacts
        {
            Name = engineEvent.Name?.TrimStart('/') ?? engineEvent.ActorId,
            Id = engineEvent.ActorId,
            Kind = attributes.GetValueOrDefault(SkyLabels.Kind),
            Service = attributes.GetValueOrDefault(SkyLabels.Service) ?? attributes.GetValueOrDefault(SkyLabels.Job),
            Instance = attributes.GetValueOrDefault(SkyLabels.Instance),
            Role = attributes.GetValueOrDefault(SkyLabels.Role),
            Replica = Number(attributes.GetValueOrDefault(SkyLabels.Replica)) is { } replica ? (int)replica : null,
            Revision = Number(attributes.GetValueOrDefault(SkyLabels.Revision)),
            Job = attributes.GetValueOrDefault(SkyLabels.Job),
            Run = Number(attributes.GetValueOrDefault(SkyLabels.Run)),
            ConfigHash = attributes.GetValueOrDefault(SkyLabels.ConfigHash),
            Phase = phase,
            ExitCode = phase == ContainerPhase.Died && int.TryParse(attributes.GetValueOrDefault("exitCode"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : null,
        };
    }

    public static ContainerFacts From(ObservedContainer container) => new()
    {
        Name = container.Name,
        Id = container.Id,
        Kind = container.Labels.GetValueOrDefault(SkyLabels.Kind),
        Service = container.Service ?? container.Labels.GetValueOrDefault(SkyLabels.Job),
        Instance = container.Instance,
        Role = container.Labels.GetValueOrDefault(SkyLabels.Role),
        Replica = Number(container.Labels.GetValueOrDefault(SkyLabels.Replica)) is { } replica ? (int)replica : null,
        Revision = Number(container.Labels.GetValueOrDefault(SkyLabels.Revision)),
        Job = container.Labels.GetValueOrDefault(SkyLabels.Job),
        Run = Number(container.Labels.GetValueOrDefault(SkyLabels.Run)),
        ConfigHash = container.ConfigHash,
        Phase = PhaseOf(container.State),
    };

    /// <summary>The phase of a container the engine lists or inspects in that state.</summary>
    public static ContainerPhase PhaseOf(ContainerState state) => state switch
    {
        ContainerState.Created => ContainerPhase.Created,
        ContainerState.Running or ContainerState.Paused or ContainerState.Restarting => ContainerPhase.Running,
        ContainerState.Removing => ContainerPhase.Removed,
        _ => ContainerPhase.Died,
    };

    private static long? Number(string? label) =>
        long.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
