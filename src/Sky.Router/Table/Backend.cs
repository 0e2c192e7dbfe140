using Sky.Model.Routing;

namespace Sky.Router.Table;

/// <summary>
/// One container that carries a host: who it belongs to, where it is reached (its container port published on
/// 127.0.0.1, from the state feed: never a container address) and whether it can take requests now.
/// </summary>
public sealed record Backend
{
    public required string Container { get; init; }

    /// <summary>The engine's id of the container now known by that name; null when there is none.</summary>
    public string? ContainerId { get; init; }

    public required string Service { get; init; }

    public required string Instance { get; init; }

    /// <summary>The container port requests go to (<c>VIRTUAL_PORT</c>, else the first of <c>ports</c>).</summary>
    public int ContainerPort { get; init; }

    /// <summary>The host port it is published on; null until the container runs.</summary>
    public int? HostPort { get; init; }

    public BackendState State { get; init; }

    public RouterSettings Settings { get; init; } = RouterSettings.Default;

    public MirrorSpec? Mirror { get; init; }

    /// <summary>The address requests are sent to, when it has one.</summary>
    public string? Address => HostPort is { } port ? $"http://127.0.0.1:{port}" : null;
}
