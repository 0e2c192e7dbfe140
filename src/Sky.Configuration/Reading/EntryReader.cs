using Sky.Configuration.Keys;
using Sky.Configuration.Values;
using Sky.Configuration.Yaml;
using Sky.Schedules;

namespace Sky.Configuration.Reading;

/// <summary>
/// Reads the top-level entries of one file, and the keys of each entry and instance (by the key table, see
/// <see cref="ConfigurationKeys"/>), then checks what involves more than one key.
/// </summary>
internal sealed class EntryReader
{
    private readonly KeyReaders readers;
    private readonly ValueReader values;
    private readonly string file;

    public EntryReader(ConfigurationFile file, ErrorList errors)
    {
        this.file = file.Path;
        readers = new KeyReaders(file, errors, ReadInstances);
        this.values = readers.Values;
    }

    /// <summary>The entries of one document; null names and bad values are reported and left out.</summary>
    public IEnumerable<Entry> ReadDocument(Node root)
    {
        if (root is ScalarNode { IsNull: true })
        {
            yield break;
        }

        if (this.values.Map(root, "", "a mapping of entry names to services or jobs") is not { } map)
        {
            yield break;
        }

        foreach (var (key, value) in map.Entries)
        {
            if (ReadEntry(key, value) is { } entry)
            {
                yield return entry;
            }
        }
    }

    private Entry? ReadEntry(ScalarNode key, Node value)
    {
        var name = key.Value;
        if (!Names.IsValid(name))
        {
            this.values.Report(key, name, Names.Problem(name));
        }

        if (this.values.Map(value, name, "a mapping of keys (image, ports, ...)") is not { } map)
        {
            return null;
        }

        var isJob = map.Find(ConfigurationKeys.Every.Name) is not null;
        return new Entry(name, this.file, key, isJob, ReadKeys(map, name, isJob ? KeyPlaces.Job : KeyPlaces.Service));
    }

    private KeyValues ReadKeys(MapNode map, string path, KeyPlaces place)
    {
        var config = readers.Mapping(map, path, place);

        // A tag in the image and a version in the same mapping contradict each other. Across levels the more
        // specific one wins instead (see ImageResolver), so an instance can pin a version of a tagged parent image.
        if (config.Get(ConfigurationKeys.Image) is { Value.HasTag: true } image && config.Get(ConfigurationKeys.Version) is { } version)
        {
            this.values.Report(version.Node, version.Path, $"image '{(image.Node as ScalarNode)?.Value}' already has a tag; remove it or remove 'version'");
        }

        if (place == KeyPlaces.Job && config.Get(ConfigurationKeys.Every) is { } every)
        {
            CheckSchedule(every, config.Get(ConfigurationKeys.TimeZone));
        }

        return config;
    }

    private List<InstanceEntry>? ReadInstances(Node node, string path)
    {
        if (this.values.Map(node, path, "a mapping of instance names to the keys they override") is not { } map)
        {
            return null;
        }

        if (map.Entries.Count == 0)
        {
            this.values.Report(map, path, "instances is empty (name at least one instance, or remove the key)");
            return null;
        }

        var instances = new List<InstanceEntry>();
        foreach (var (key, value) in map.Entries)
        {
            var instancePath = $"{path}.{key.Value}";
            if (!Names.IsValid(key.Value))
            {
                this.values.Report(key, instancePath, Names.Problem(key.Value));
            }

            // `dev:` with nothing under it is an instance that overrides nothing.
            var overrides = value is ScalarNode { IsNull: true }
                ? new MapNode(value.Line, value.Column)
                : this.values.Map(value, instancePath, "a mapping of keys to override");
            if (overrides is not null)
            {
                instances.Add(new InstanceEntry(key.Value, key, instancePath, ReadKeys(overrides, instancePath, KeyPlaces.Instance)));
            }
        }

        return instances;
    }

    private void CheckSchedule(Located<string> every, string? timeZone)
    {
        string? error;
        try
        {
            if (ScheduleParser.TryParse(every.Value, timeZone, out _, out error))
            {
                return;
            }
        }
        catch (NotImplementedException)
        {
            // The schedule grammar (Sky.Schedules) does not know this form yet: the text is taken as it is.
            return;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            error = e.Message;
        }

        this.values.Report(every.Node, every.Path, error);
    }
}
