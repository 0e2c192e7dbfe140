namespace Sky.Contracts;

/// <summary>One container of a service as it is now (<c>GET /containers</c>, <c>sky ps</c>, <c>sky service status</c>).</summary>
public sealed record ContainerStatusView
{
    public required string Name { get; init; }

    public required string Service { get; init; }

    public required string Instance { get; init; }

    /// <summary><c>main</c> for the service's own container, else the dependency's name.</summary>
    public required string Role { get; init; }

    public string? Id { get; init; }

    /// <summary>The engine's state (<c>running</c>, <c>exited</c>...), or <c>missing</c> when a wanted container does not exist.</summary>
    public required string State { get; init; }

    public string? Image { get; init; }

    public string? Revision { get; init; }

    /// <summary>Whether it was built from the configuration now applied (false: a restart or apply will replace it).</summary>
    public bool UpToDate { get; init; } = true;

    /// <summary>Whether sky checks this container: its configuration gives it checks.</summary>
    public bool Checked { get; init; }

    /// <summary>
    /// The checks' verdict on a running, checked container (<c>starting</c>, <c>healthy</c>, <c>unhealthy</c>), or sky's
    /// on one it gave up on (<c>crash-looping</c>, <c>cannot-start</c>). Null (left out of the JSON, as every null) when
    /// there is no health to speak of: the container does not run (people are shown <c>-</c>), or it runs without checks
    /// (<see cref="Checked"/> false; people are shown <c>no check</c>).
    /// </summary>
    public string? Health { get; init; }

    /// <summary>The last check's result (<c>HTTP 200</c>) of the container that runs now; null when <see cref="Health"/> is.</summary>
    public string? LastCheck { get; init; }

    public int Restarts { get; init; }

    /// <summary>Container port to host port on 127.0.0.1.</summary>
    public IReadOnlyDictionary<int, int> Ports { get; init; } = new Dictionary<int, int>();

    public DateTimeOffset? Created { get; init; }

    /// <summary>
    /// Set for a <em>foreign</em> container: made by another daemon sharing this one's namespace (<c>sky ps</c> shows
    /// them so a taken name can be explained; this daemon never touches them). Null for the daemon's own.
    /// </summary>
    public DaemonIdentityView? Foreign { get; init; }

    /// <summary>Where it stands with the router, when it carries a host; null otherwise.</summary>
    public RouterStateView? Router { get; init; }
}
