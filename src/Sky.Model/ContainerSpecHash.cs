using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sky.Model;

/// <summary>
/// A short, stable digest of the parts of a <see cref="ContainerSpec"/> that Docker fixes at creation: when it
/// changes, the container is replaced. Every property of the spec is either hashed or left out with a reason
/// (<see cref="Excluded"/>); a test fails for a property that is neither, so a new one cannot be forgotten.
/// </summary>
public static class ContainerSpecHash
{
    /// <summary>The properties left out of the hash, each with why a change to it must not replace the container.</summary>
    public static IReadOnlyDictionary<string, string> Excluded { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(ContainerSpec.Name)] = "the container is found by its name: another name is another container, not a change to this one",
        [nameof(ContainerSpec.Service)] = "says where the container sits, which its labels carry and the planner compares on their own",
        [nameof(ContainerSpec.Instance)] = "says where the container sits, which its labels carry and the planner compares on their own",
        [nameof(ContainerSpec.Role)] = "says where the container sits, which its labels carry and the planner compares on their own",
        [nameof(ContainerSpec.Replica)] = "says where the container sits, which its labels carry and the planner compares on their own",
        [nameof(ContainerSpec.Definition)] = "names the entry whose keys built the container; those keys reach the hash through the properties they fill",
        [nameof(ContainerSpec.Checks)] = "sky runs the checks itself: new checks apply to the running container",
        [nameof(ContainerSpec.Restart)] = "sky restarts containers itself (Docker's policy is always no): a new policy applies to the running container",
        [nameof(ContainerSpec.DependsOn)] = "the order sky starts containers in, nothing Docker keeps",
        [nameof(ContainerSpec.Labels)] = "they carry the hash itself; the ones that say where a container sits are compared on their own",
        [nameof(ContainerSpec.ConfigHash)] = "the hash itself",
    };

    /// <summary>
    /// Every other property and how it is written into the hashed text. The spelling and order are those of the
    /// hashes running containers carry: changing them replaces every container once, so append, never reorder.
    /// </summary>
    private static readonly (string Property, Action<ContainerSpec, StringBuilder> Write)[] Parts =
    [
        (nameof(ContainerSpec.Image), (spec, text) => Line(text, "image", spec.Image)),
        (nameof(ContainerSpec.Command), (spec, text) => Line(text, "command", spec.Command is null ? null : string.Join('\u001f', spec.Command))),
        (nameof(ContainerSpec.Environment), (spec, text) =>
        {
            // Sorted: the same variables in another order are the same environment.
            foreach (var (key, value) in spec.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                Line(text, "env:" + key, value);
            }
        }),
        (nameof(ContainerSpec.Ports), (spec, text) => Line(text, "ports", string.Join(',', spec.Ports))),
        (nameof(ContainerSpec.MemoryBytes), (spec, text) => Line(text, "memory", spec.MemoryBytes?.ToString(CultureInfo.InvariantCulture))),
        (nameof(ContainerSpec.Cpus), (spec, text) => Line(text, "cpus", spec.Cpus?.ToString("R", CultureInfo.InvariantCulture))),
        (nameof(ContainerSpec.Volumes), (spec, text) =>
        {
            foreach (var volume in spec.Volumes)
            {
                Line(text, "volume", $"{volume.Source}:{volume.Target}:{volume.IsHostPath}:{volume.ReadOnly}");
            }
        }),
        (nameof(ContainerSpec.Network), (spec, text) => Line(text, "network", spec.Network)),
        (nameof(ContainerSpec.NetworkAliases), (spec, text) => Line(text, "aliases", string.Join(',', spec.NetworkAliases))),
    ];

    /// <summary>The properties that go into the hash: a change to any of them replaces the container.</summary>
    public static IReadOnlyList<string> Hashed { get; } = [.. Parts.Select(p => p.Property)];

    public static string Compute(ContainerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = new StringBuilder();
        foreach (var (_, write) in Parts)
        {
            write(spec, text);
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(digest)[..16];
    }

    private static void Line(StringBuilder text, string key, string? value) => text.Append(key).Append('=').Append(value).Append('\n');
}
