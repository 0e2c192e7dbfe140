using Sky.Model;

namespace Sky.Planning;

/// <summary>The choice made for one container, with the words that explain it.</summary>
internal readonly record struct ContainerDecision(PlanAction Action, string Reason)
{
    /// <summary>What starting a wanted container takes, given what the engine holds under its name.</summary>
    public static ContainerDecision ForStart(ContainerSpec spec, ObservedContainer? existing)
    {
        if (existing is null)
        {
            return new(PlanAction.Create, "no existing container");
        }

        var wantedHash = spec.ConfigHash;
        var changes = new List<string>();
        if (existing.ConfigHash != wantedHash)
        {
            changes.Add($"config hash {existing.ConfigHash ?? "(none)"} → {wantedHash}");
        }

        // Labels are fixed at creation and tell the router and supervisor what a container is; a container whose
        // labels claim another place (a hand-made or half-renamed one) must be recreated even if its hash matches.
        if (ContainerIdentity.Of(existing) is { } identity && identity != ContainerIdentity.Of(spec))
        {
            changes.Add($"labelled as {identity}");
        }

        // A dead container cannot be started again, and one being removed will be gone: both need a new container.
        if (existing.State is ContainerState.Dead or ContainerState.Removing)
        {
            changes.Add(Describe(existing.State));
        }

        if (changes.Count > 0)
        {
            return new(PlanAction.Replace, string.Join(", ", changes));
        }

        var unchanged = $"{Describe(existing.State)}, config unchanged";
        return existing.IsRunning
            ? new(PlanAction.AlreadyRunning, unchanged)
            : new(PlanAction.Start, unchanged);
    }

    /// <summary>What stopping a wanted container takes.</summary>
    public static ContainerDecision ForStop(ObservedContainer? existing) => existing switch
    {
        null => new(PlanAction.AlreadyStopped, "no existing container"),

        // A paused container still holds its resources and its place in the network: stop it too.
        { IsRunning: true } or { State: ContainerState.Paused } => new(PlanAction.Stop, Describe(existing.State)),
        _ => new(PlanAction.AlreadyStopped, Describe(existing.State)),
    };

    /// <summary>Whether the action creates or starts a container, and so needs its network and volumes to exist.</summary>
    public bool NeedsResources => Action is PlanAction.Create or PlanAction.Start or PlanAction.Replace;

    private static string Describe(ContainerState state) => state switch
    {
        ContainerState.Removing => "being removed",
        _ => state.ToString().ToLowerInvariant(),
    };
}
