namespace Sky.Model.Routing;

/// <summary>The environment variables that bind a container to the router, named as nginx-proxy names them.</summary>
public static class VirtualHostVariables
{
    /// <summary>A comma list of host names (see <see cref="HostPattern"/>).</summary>
    public const string Host = "VIRTUAL_HOST";

    /// <summary>The container port requests go to; default: the first of <c>ports</c>.</summary>
    public const string Port = "VIRTUAL_PORT";

    /// <summary>A path prefix (<c>/api</c>): only requests under it go to this container.</summary>
    public const string Path = "VIRTUAL_PATH";
}
