using Sky.Model;

namespace Sky.Planning;

/// <summary>
/// Matches what runs to what is wanted. A wanted container owns the observed container of its name; any other
/// observed container that has its name, or that carries its service, instance, role and replica labels under
/// another name, is a stray that must go, so that a container never has a duplicate.
/// </summary>
internal sealed class ObservedIndex
{
    private readonly Dictionary<string, ObservedContainer> existing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Stray>> strays = new(StringComparer.Ordinal);

    public ObservedIndex(IEnumerable<ContainerSpec> wanted, IReadOnlyList<ObservedContainer> observed)
    {
        var specs = wanted.ToList();
        var wantedNames = specs.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var byIdentity = new Dictionary<ContainerIdentity, string>();
        foreach (var spec in specs)
        {
            if (!byIdentity.TryAdd(ContainerIdentity.Of(spec), spec.Name))
            {
                throw new ArgumentException(
                    $"Containers {byIdentity[ContainerIdentity.Of(spec)]} and {spec.Name} are the same replica of the same role.",
                    nameof(wanted));
            }
        }

        // Sorted so that strays are listed, and duplicates resolved, the same way whatever order the engine lists them.
        var stable = observed.OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal).ToList();
        foreach (var spec in specs)
        {
            var hash = spec.ConfigHash;
            var named = stable.Where(o => o.Name == spec.Name).OrderBy(o => Preference(o, hash)).ToList();
            if (named.Count == 0)
            {
                continue;
            }

            existing[spec.Name] = named[0];
            foreach (var duplicate in named.Skip(1))
            {
                AddStray(spec.Name, duplicate, $"duplicate name, keeping {ShortId(named[0])}");
            }
        }

        foreach (var container in stable.Where(o => !wantedNames.Contains(o.Name)))
        {
            if (ContainerIdentity.Of(container) is { } identity && byIdentity.TryGetValue(identity, out var owner))
            {
                AddStray(owner, container, $"stray copy of {owner}");
            }
        }
    }

    /// <summary>The observed container the wanted container of that name owns, if any.</summary>
    public ObservedContainer? Existing(string name) => existing.GetValueOrDefault(name);

    /// <summary>Observed containers that duplicate the wanted container of that name.</summary>
    public IReadOnlyList<Stray> Strays(string name) => strays.TryGetValue(name, out var list) ? list : [];

    /// <summary>Short id as docker prints it, for reasons people read.</summary>
    public static string ShortId(ObservedContainer container) =>
        container.Id.Length > 12 ? container.Id[..12] : container.Id;

    // Keep the copy that needs the least work: running with the wanted configuration first.
    private static int Preference(ObservedContainer container, string hash) =>
        (container.ConfigHash == hash ? 0 : 2) + (container.IsRunning ? 0 : 1);

    private void AddStray(string owner, ObservedContainer container, string reason)
    {
        if (!strays.TryGetValue(owner, out var list))
        {
            strays[owner] = list = [];
        }

        list.Add(new Stray(container, reason));
    }

    /// <summary>An observed container to remove, and why.</summary>
    public sealed record Stray(ObservedContainer Container, string Reason);
}
