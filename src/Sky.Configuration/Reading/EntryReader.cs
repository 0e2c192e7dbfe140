using Sky.Configuration.Values;
using Sky.Configuration.Yaml;
using Sky.Model;
using Sky.Schedules;

namespace Sky.Configuration.Reading;

/// <summary>Reads the top-level entries of one file, and the keys of each entry and instance.</summary>
internal sealed class EntryReader
{
    private static readonly Dictionary<string, MissedRunPolicy> MissedChoices = new(StringComparer.Ordinal)
    {
        ["skip"] = MissedRunPolicy.Skip,
        ["run-once"] = MissedRunPolicy.RunOnce,
    };

    private static readonly Dictionary<string, OverlapPolicy> OverlapChoices = new(StringComparer.Ordinal)
    {
        ["skip"] = OverlapPolicy.Skip,
        ["queue"] = OverlapPolicy.Queue,
        ["replace"] = OverlapPolicy.Replace,
    };

    /// <summary>More containers than one engine could hold; the cap keeps a typo (or fuzzed input) from exhausting memory.</summary>
    private const int MaxReplicas = 1000;

    private readonly ValueReader _values;
    private readonly CheckReader _checks;
    private readonly VolumeReader _volumes;
    private readonly MaintainerReader _maintainers;
    private readonly string _file;

    public EntryReader(ConfigurationFile file, ErrorList errors)
    {
        _file = file.Path;
        _values = new ValueReader(file.Path, errors);
        _checks = new CheckReader(_values);
        _volumes = new VolumeReader(_values, file.BaseDirectory);
        _maintainers = new MaintainerReader(_values);
    }

    /// <summary>The entries of one document; null names and bad values are reported and left out.</summary>
    public IEnumerable<Entry> ReadDocument(Node root)
    {
        if (root is ScalarNode { IsNull: true })
        {
            yield break;
        }

        if (_values.Map(root, "", "a mapping of entry names to services or jobs") is not { } map)
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
            _values.Report(key, name, Names.Problem(name));
        }

        if (_values.Map(value, name, "a mapping of keys (image, ports, ...)") is not { } map)
        {
            return null;
        }

        var isJob = map.Find(EntryKeys.Every) is not null;
        var instances = new List<InstanceEntry>();
        var config = ReadKeys(map, name, isJob ? EntryKind.Job : EntryKind.Service, instances);
        return new Entry(name, _file, key, isJob, config, instances);
    }

    private EntryConfig ReadKeys(MapNode map, string path, EntryKind kind, List<InstanceEntry> instances)
    {
        var config = new EntryConfig { WritesImage = map.Find(EntryKeys.Image) is not null };
        foreach (var (key, value) in map.Entries)
        {
            var keyPath = $"{path}.{key.Value}";
            if (!IsAllowed(key, keyPath, kind))
            {
                continue;
            }

            switch (key.Value)
            {
                case EntryKeys.Maintainer: config.Maintainer = _maintainers.Read(value, keyPath); break;
                case EntryKeys.Image: config.Image = ReadImage(value, keyPath); break;
                case EntryKeys.Version: config.Version = ReadVersion(value, keyPath); break;
                case EntryKeys.Command: config.Command = _values.Command(value, keyPath); break;
                case EntryKeys.Requires: config.Requires = ReadRequires(value, keyPath); break;
                case EntryKeys.Ports: config.Ports = _values.Ports(value, keyPath); break;
                case EntryKeys.Env: config.Env = _values.Env(value, keyPath); break;
                case EntryKeys.Memory: config.Memory = _values.Size(value, keyPath); break;
                case EntryKeys.Cpus: config.Cpus = _values.Cpus(value, keyPath); break;
                case EntryKeys.Volumes: config.Volumes = _volumes.Read(value, keyPath); break;
                case EntryKeys.Checks: config.Checks = _checks.Read(value, keyPath); break;
                case EntryKeys.Restart: config.Restart = _values.Restart(value, keyPath); break;
                case EntryKeys.Instances: ReadInstances(value, keyPath, instances); break;
                case EntryKeys.Replicas: config.Replicas = _values.AtLeastOne(value, keyPath, "replicas", MaxReplicas); break;
                case EntryKeys.Every: config.Every = Located(value, keyPath, "a schedule (1 day at 17:00, 15 minutes, a cron expression)"); break;
                case EntryKeys.TimeZone: config.TimeZone = ReadTimeZone(value, keyPath); break;
                case EntryKeys.NotifyOnCompletion: config.NotifyOnCompletion = _values.Bool(value, keyPath); break;
                case EntryKeys.Missed: config.Missed = _values.Choice(value, keyPath, "a missed-run policy", MissedChoices); break;
                case EntryKeys.Overlap: config.Overlap = _values.Choice(value, keyPath, "an overlap policy", OverlapChoices); break;
                case EntryKeys.Timeout: config.Timeout = _values.Duration(value, keyPath); break;
            }
        }

        // A tag in the image and a version in the same mapping contradict each other. Across levels the more
        // specific one wins instead (see ImageResolver), so an instance can pin a version of a tagged parent image.
        if (config.Image is { Value.HasTag: true } image && config.Version is { } version)
        {
            _values.Report(version.Node, version.Path, $"image '{(image.Node as ScalarNode)?.Value}' already has a tag; remove it or remove 'version'");
        }

        if (kind == EntryKind.Job && config.Every is { } every)
        {
            CheckSchedule(every, config.TimeZone);
        }

        return config;
    }

    private bool IsAllowed(ScalarNode key, string keyPath, EntryKind kind)
    {
        var name = key.Value;
        string? problem = null;
        if (!EntryKeys.All.Contains(name))
        {
            problem = $"unknown key '{name}'{Suggestions.Hint(name, EntryKeys.All)}";
        }
        else if (kind == EntryKind.Instance && name == EntryKeys.Instances)
        {
            problem = "an instance cannot have instances of its own";
        }
        else if (kind == EntryKind.Instance && name == EntryKeys.Every)
        {
            problem = "an instance cannot have 'every' (a recurrent job is a top-level entry)";
        }
        else if (kind != EntryKind.Job && EntryKeys.JobOnly.Contains(name))
        {
            problem = $"'{name}' is only for recurrent jobs (entries with every:)";
        }
        else if (kind == EntryKind.Job && EntryKeys.ServiceOnly.Contains(name))
        {
            problem = $"'{name}' is not allowed in a recurrent job (entries with every:)";
        }

        if (problem is not null)
        {
            _values.Report(key, keyPath, problem);
        }

        return problem is null;
    }

    private void ReadInstances(Node node, string path, List<InstanceEntry> instances)
    {
        if (_values.Map(node, path, "a mapping of instance names to the keys they override") is not { } map)
        {
            return;
        }

        if (map.Entries.Count == 0)
        {
            _values.Report(map, path, "instances is empty (name at least one instance, or remove the key)");
            return;
        }

        foreach (var (key, value) in map.Entries)
        {
            var instancePath = $"{path}.{key.Value}";
            if (!Names.IsValid(key.Value))
            {
                _values.Report(key, instancePath, Names.Problem(key.Value));
            }

            // `dev:` with nothing under it is an instance that overrides nothing.
            var overrides = value is ScalarNode { IsNull: true }
                ? new MapNode(value.Line, value.Column)
                : _values.Map(value, instancePath, "a mapping of keys to override");
            if (overrides is not null)
            {
                instances.Add(new InstanceEntry(key.Value, key, instancePath, ReadKeys(overrides, instancePath, EntryKind.Instance, [])));
            }
        }
    }

    private Located<ImageReference>? ReadImage(Node node, string path)
    {
        if (_values.Scalar(node, path, "an image name") is not { } scalar)
        {
            return null;
        }

        if (ImageReference.TryParse(scalar.Value, out var image, out var error))
        {
            return new Located<ImageReference>(image!, node, path);
        }

        _values.Report(node, path, error!);
        return null;
    }

    private Located<string>? ReadVersion(Node node, string path)
    {
        if (Located(node, path, "a version (an image tag)") is not { } version)
        {
            return null;
        }

        if (ImageReference.IsTag(version.Value))
        {
            return version;
        }

        _values.Report(node, path, ImageReference.TagProblem(version.Value));
        return null;
    }

    private List<Located<string>>? ReadRequires(Node node, string path)
    {
        if (_values.ListOrOne(node, path, "a list of entry names") is not { } items)
        {
            return null;
        }

        var names = new List<Located<string>>();
        foreach (var (item, itemPath) in items)
        {
            if (Located(item, itemPath, "an entry name") is not { } name)
            {
                continue;
            }

            if (names.Any(n => n.Value == name.Value))
            {
                _values.Report(item, itemPath, $"'{name.Value}' is required twice");
                continue;
            }

            names.Add(name);
        }

        return names;
    }

    private string? ReadTimeZone(Node node, string path)
    {
        if (_values.Text(node, path, "a time zone") is not { } zone)
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return zone;
        }

        _values.Report(node, path, $"'{zone}' is not a time zone (use an IANA name such as Europe/Paris)");
        return null;
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

        _values.Report(every.Node, every.Path, error);
    }

    private Located<string>? Located(Node node, string path, string expected) =>
        _values.Text(node, path, expected) is { } text ? new Located<string>(text, node, path) : null;
}
