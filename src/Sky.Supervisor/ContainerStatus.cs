using Sky.Model;

namespace Sky.Supervisor;

/// <summary>One container of a service as it is now, for <c>sky service status</c> and <c>sky ps</c>.</summary>
public sealed record ContainerStatus
{
    public required string Name { get; init; }

    public required string Service { get; init; }

    public required string Instance { get; init; }

    public required string Role { get; init; }

    public string? Id { get; init; }

    /// <summary>The engine's state, or <c>missing</c> when the configuration wants a container that does not exist.</summary>
    public required string State { get; init; }

    public string? Image { get; init; }

    public string? Revision { get; init; }

    /// <summary>Whether it was built from the configuration now applied (false: a restart or apply will replace it).</summary>
    public bool UpToDate { get; init; } = true;

    /// <summary>Whether sky checks this container: the configuration gives it checks.</summary>
    public bool Checked { get; init; }

    /// <summary>
    /// Health from the lifecycle checks of a running, checked container (<c>starting</c>, <c>healthy</c>,
    /// <c>unhealthy</c>), or sky's verdict on one it gave up on (<c>crash-looping</c>, <c>cannot-start</c>); null
    /// otherwise: a container that does not run, or has no checks, has no health (<see cref="HealthShown"/>).
    /// </summary>
    public string? Health { get; init; }

    public string? LastCheck { get; init; }

    public int Restarts { get; init; }

    /// <summary>Container port to host port on 127.0.0.1.</summary>
    public IReadOnlyDictionary<int, int> Ports { get; init; } = new Dictionary<int, int>();

    public DateTimeOffset? Created { get; init; }

    /// <summary>The other daemon of the namespace that made it (a foreign container this daemon never touches); null for this daemon's own.</summary>
    public DaemonIdentity? ForeignDaemon { get; init; }

    public static string StateName(ContainerState state) => state.ToString().ToLowerInvariant();
}
