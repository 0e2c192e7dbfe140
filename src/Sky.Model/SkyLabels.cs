namespace Sky.Model;

/// <summary>
/// The labels sky puts on everything it creates. sky never touches a container, network or volume
/// that lacks <see cref="Managed"/> and the <see cref="Namespace"/> of the daemon looking at it, nor a container that
/// another daemon of that namespace made (<see cref="Daemon"/>; see <see cref="Naming.Owns"/>).
/// </summary>
public static class SkyLabels
{
    public const string Managed = "sky.managed";
    public const string Namespace = "sky.namespace";

    /// <summary>The identity of the data folder of the daemon that made it (<see cref="DaemonIdentity"/>).</summary>
    public const string Daemon = "sky.daemon";

    /// <summary>That daemon's data folder, so that a name another daemon holds can be traced to it.</summary>
    public const string DaemonDataFolder = "sky.daemon.data-folder";
    public const string Kind = "sky.kind";
    public const string Service = "sky.service";
    public const string Instance = "sky.instance";
    public const string Role = "sky.role";
    public const string Replica = "sky.replica";
    public const string Revision = "sky.revision";
    public const string ConfigHash = "sky.config-hash";
    public const string Job = "sky.job";
    public const string Run = "sky.run";

    /// <summary>On a job's container made ready before its tick, its command held back until a run is released into it.</summary>
    public const string Armed = "sky.armed";

    /// <summary>Role of the container that runs the service itself (as opposed to a dependency copy).</summary>
    public const string MainRole = "main";

    public const string ServiceKind = "service";
    public const string JobKind = "job";
    public const string OneOffKind = "one-off";
}
