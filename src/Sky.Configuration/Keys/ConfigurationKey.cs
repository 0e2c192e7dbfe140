using Sky.Configuration.Reading;
using Sky.Configuration.Yaml;
using Sky.Model;

namespace Sky.Configuration.Keys;

/// <summary>
/// One row of the key table (<see cref="ConfigurationKeys"/>): a key, where it may stand, how an instance inherits
/// it, the container properties it fills and its documentation. How its value is read is typed, in
/// <see cref="ConfigurationKey{T}"/>.
/// </summary>
internal abstract class ConfigurationKey
{
    public required string Name { get; init; }

    public required KeyPlaces Places { get; init; }

    /// <summary>Only read for keys an instance may have.</summary>
    public Inheritance Inheritance { get; init; } = Inheritance.Replace;

    /// <summary>
    /// The <see cref="ContainerSpec"/> properties the key fills, if any. Whether changing the key replaces containers
    /// follows from them and <see cref="ContainerSpecHash"/>, so the documentation cannot disagree with the hash.
    /// </summary>
    public IReadOnlyList<string> Container { get; init; } = [];

    /// <summary>The value it takes, for the documentation: "a size".</summary>
    public required string Value { get; init; }

    /// <summary>A valid value as written in YAML; the documentation shows it and tests read it wherever the key may stand.</summary>
    public required string Example { get; init; }

    /// <summary>What the key is for, one line of markdown.</summary>
    public required string Summary { get; init; }

    /// <summary>The error for an instance that has the key, where the generic one would not say why.</summary>
    public string? NotOnInstance { get; init; }

    /// <summary>A change to the key changes the hash of the containers it is in, so they are replaced.</summary>
    public bool ReplacesContainers => Container.Any(ContainerSpecHash.Hashed.Contains);

    /// <summary>Why the key cannot stand in a mapping of <paramref name="place"/>; null when it can.</summary>
    public string? Problem(KeyPlaces place)
    {
        if (Places.HasFlag(place))
        {
            return null;
        }

        return place switch
        {
            KeyPlaces.Instance when NotOnInstance is not null => NotOnInstance,
            KeyPlaces.Job => $"'{Name}' is not allowed in a recurrent job (entries with every:)",
            _ when (Places & (KeyPlaces.Service | KeyPlaces.Instance)) == KeyPlaces.None => $"'{Name}' is only for recurrent jobs (entries with every:)",
            KeyPlaces.Instance => $"'{Name}' cannot be set on an instance (set it on the service)",
            _ => $"'{Name}' is only for instances (set it under instances:)",
        };
    }

    /// <summary>Reads the key's value, reporting what is wrong with it; null when it could not be read.</summary>
    public abstract object? ReadValue(KeyReaders readers, Node node, string path);

    /// <summary>The value an instance ends up with, from its service's and its own; null for none.</summary>
    public object? Inherit(object? service, object? instance) => Inheritance switch
    {
        Inheritance.MergeByKey when service is IReadOnlyDictionary<string, string> parent && instance is IReadOnlyDictionary<string, string> own =>
            Merge(parent, own),
        Inheritance.MergeByKey when service is NestedKeys parent && instance is NestedKeys own => own.Over(parent),
        Inheritance.Replace or Inheritance.MergeByKey => instance ?? service,
        Inheritance.ServiceValue => service,

        // Resolved from both levels at once into MergedConfig.Image; neither value alone means anything.
        Inheritance.ImageAndVersion => null,
        _ => throw new InvalidOperationException($"'{Name}' has no rule for {Inheritance}"),
    };

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> service, IReadOnlyDictionary<string, string> instance)
    {
        var merged = new Dictionary<string, string>(service, StringComparer.Ordinal);
        foreach (var (key, value) in instance)
        {
            merged[key] = value;
        }

        return merged;
    }
}
