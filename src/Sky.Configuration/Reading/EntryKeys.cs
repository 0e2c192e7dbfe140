namespace Sky.Configuration.Reading;

/// <summary>The keys of an entry, grouped by where they are allowed.</summary>
internal static class EntryKeys
{
    public const string Maintainer = "maintainer";
    public const string Image = "image";
    public const string Version = "version";
    public const string Command = "command";
    public const string Requires = "requires";
    public const string Ports = "ports";
    public const string Env = "env";
    public const string Memory = "memory";
    public const string Cpus = "cpus";
    public const string Volumes = "volumes";
    public const string Checks = "checks";
    public const string Restart = "restart";
    public const string Instances = "instances";
    public const string Replicas = "replicas";
    public const string Every = "every";
    public const string TimeZone = "timezone";
    public const string NotifyOnCompletion = "notify-on-completion";
    public const string Missed = "missed";
    public const string Overlap = "overlap";
    public const string Timeout = "timeout";

    public static IReadOnlyList<string> Common { get; } = [Maintainer, Image, Version, Command, Env, Memory, Cpus, Volumes, Restart];

    public static IReadOnlyList<string> ServiceOnly { get; } = [Ports, Requires, Instances, Replicas, Checks];

    public static IReadOnlyList<string> JobOnly { get; } = [Every, TimeZone, NotifyOnCompletion, Missed, Overlap, Timeout];

    public static IReadOnlyList<string> All { get; } = [.. Common, .. ServiceOnly, .. JobOnly];
}
