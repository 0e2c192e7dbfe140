using Sky.Configuration.Reading;
using Sky.Model;

namespace Sky.Configuration.Resolution;

/// <summary>
/// The keys that build one container: an entry's own, or an instance's laid over its parent's
/// (<c>env</c> merged key by key with the instance winning, everything else replaced).
/// </summary>
internal sealed record MergedConfig
{
    public string? Image { get; init; }

    public IReadOnlyList<string>? Command { get; init; }

    public IReadOnlyList<Located<string>> Requires { get; init; } = [];

    public IReadOnlyList<int> Ports { get; init; } = [];

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    public long? Memory { get; init; }

    public double? Cpus { get; init; }

    public IReadOnlyList<VolumeMount> Volumes { get; init; } = [];

    public IReadOnlyList<CheckDraft> Checks { get; init; } = [];

    public RestartPolicy Restart { get; init; } = RestartPolicy.Default;

    public int Replicas { get; init; } = 1;

    public static MergedConfig Of(EntryConfig parent, EntryConfig? instance = null)
    {
        var env = new Dictionary<string, string>(parent.Env ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in instance?.Env ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        return new MergedConfig
        {
            Image = ImageResolver.Resolve(parent, instance),
            Command = instance?.Command ?? parent.Command,
            Requires = instance?.Requires ?? parent.Requires ?? [],
            Ports = instance?.Ports ?? parent.Ports ?? [],
            Env = env,
            Memory = instance?.Memory ?? parent.Memory,
            Cpus = instance?.Cpus ?? parent.Cpus,
            Volumes = instance?.Volumes ?? parent.Volumes ?? [],
            Checks = instance?.Checks ?? parent.Checks ?? [],
            Restart = instance?.Restart ?? parent.Restart ?? RestartPolicy.Default,
            Replicas = instance?.Replicas ?? parent.Replicas ?? 1,
        };
    }
}
