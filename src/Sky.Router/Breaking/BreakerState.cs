namespace Sky.Router.Breaking;

/// <summary>Where a container stands with its breaker; see <see cref="ContainerBreaker"/> for how it moves.</summary>
public enum BreakerState
{
    /// <summary>Takes every request it is offered.</summary>
    Closed,

    /// <summary>Takes none until its ejection ends.</summary>
    Ejected,

    /// <summary>Takes one trial request at a time; a few successes in a row let it ramp up.</summary>
    Probing,

    /// <summary>Takes a share of the requests it is offered that grows to all of them.</summary>
    Ramping,
}
