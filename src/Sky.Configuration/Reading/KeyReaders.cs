using Sky.Configuration.Keys;
using Sky.Configuration.Values;
using Sky.Configuration.Yaml;

namespace Sky.Configuration.Reading;

/// <summary>
/// What the rows of the key table read values of one file with: the value readers shared with the daemon's
/// settings, the readers of nested mappings, and those of values only entries have (image, version, requires...).
/// Every reader reports what is wrong and returns null, so the key is left unset.
/// </summary>
internal sealed class KeyReaders
{
    private readonly Func<Node, string, IReadOnlyList<InstanceEntry>?> instances;

    /// <param name="instances">Reads <c>instances:</c>, whose overrides are entry mappings of their own.</param>
    public KeyReaders(ConfigurationFile file, ErrorList errors, Func<Node, string, IReadOnlyList<InstanceEntry>?> instances)
    {
        Values = new ValueReader(file.Path, errors);
        Checks = new CheckReader(this);
        Volumes = new VolumeReader(Values, file.BaseDirectory);
        Maintainers = new MaintainerReader(Values);
        Mirrors = new MirrorReader(Values);
        Files = new HostFileReader(Values, file.BaseDirectory);
        Metrics = new MetricsReader(Values);
        Alerts = new AlertReader(this);
        Deploys = new DeployReader(Values);
        this.instances = instances;
    }

    public ValueReader Values { get; }

    public CheckReader Checks { get; }

    public VolumeReader Volumes { get; }

    public MaintainerReader Maintainers { get; }

    public MirrorReader Mirrors { get; }

    public HostFileReader Files { get; }

    public MetricsReader Metrics { get; }

    public AlertReader Alerts { get; }

    public DeployReader Deploys { get; }

    /// <summary>
    /// Reads a mapping of keys of the table that stands in <paramref name="place"/>: a key unknown there (with a
    /// did-you-mean) or not allowed there is reported, every other key is read by its row.
    /// </summary>
    public KeyValues Mapping(MapNode map, string path, KeyPlaces place)
    {
        var keys = ConfigurationKeys.Beside(place);
        var values = new KeyValues();
        foreach (var (key, value) in map.Entries)
        {
            var keyPath = $"{path}.{key.Value}";
            if (keys.FirstOrDefault(k => k.Name == key.Value) is not { } row)
            {
                Values.Report(key, keyPath, $"unknown key '{key.Value}'{Suggestions.Hint(key.Value, keys.Select(k => k.Name))}");
                values.Reject();
            }
            else if (row.Problem(place) is { } problem)
            {
                Values.Report(key, keyPath, problem);
                values.Reject();
            }
            else
            {
                values.Read(row, row.ReadValue(this, value, keyPath), value);
            }
        }

        return values;
    }

    /// <summary>
    /// A mapping of keys of the table standing in <paramref name="place"/> as one value (<c>router:</c>); null when it
    /// is no mapping or one of its keys could not be read, after reporting why.
    /// </summary>
    public NestedKeys? Nested(Node node, string path, KeyPlaces place, string expected)
    {
        if (Values.Map(node, path, expected) is not { } map)
        {
            return null;
        }

        var keys = Mapping(map, path, place);
        return keys.Complete ? new NestedKeys(keys, map, path) : null;
    }

    public IReadOnlyList<InstanceEntry>? Instances(Node node, string path) => this.instances(node, path);

    public Located<ImageReference>? Image(Node node, string path)
    {
        if (Values.Scalar(node, path, "an image name") is not { } scalar)
        {
            return null;
        }

        if (ImageReference.TryParse(scalar.Value, out var image, out var error))
        {
            return new Located<ImageReference>(image!, node, path);
        }

        Values.Report(node, path, error!);
        return null;
    }

    public Located<string>? Version(Node node, string path)
    {
        if (Located(node, path, "a version (an image tag)") is not { } version)
        {
            return null;
        }

        if (ImageReference.IsTag(version.Value))
        {
            return version;
        }

        Values.Report(node, path, ImageReference.TagProblem(version.Value));
        return null;
    }

    public IReadOnlyList<Located<string>>? Requires(Node node, string path)
    {
        if (Values.ListOrOne(node, path, "a list of entry names") is not { } items)
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
                Values.Report(item, itemPath, $"'{name.Value}' is required twice");
                continue;
            }

            names.Add(name);
        }

        return names;
    }

    public string? TimeZone(Node node, string path)
    {
        if (Values.Text(node, path, "a time zone") is not { } zone)
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return zone;
        }

        Values.Report(node, path, $"'{zone}' is not a time zone (use an IANA name such as Europe/Paris)");
        return null;
    }

    public string? HttpPath(Node node, string path)
    {
        if (Values.Text(node, path, "an HTTP path") is not { } http)
        {
            return null;
        }

        if (http.StartsWith('/'))
        {
            return http;
        }

        Values.Report(node, path, $"'{http}' is not an HTTP path (start it with /)");
        return null;
    }

    /// <summary>Text with where it was, for checks made after reading (a schedule, a required name).</summary>
    public Located<string>? Located(Node node, string path, string expected) =>
        Values.Text(node, path, expected) is { } text ? new Located<string>(text, node, path) : null;
}
