using System.Text.RegularExpressions;
using Sky.Configuration.Values;
using Sky.Configuration.Yaml;
using Sky.Model;

namespace Sky.Configuration.Reading;

/// <summary>
/// Reads <c>volumes:</c>. A source starting with '/' or '.' is a host folder, anything else a named volume.
/// Relative host folders are read against the configuration file's folder when it is known.
/// </summary>
internal sealed partial class VolumeReader(ValueReader values, string? baseDirectory)
{
    private const string Hint = "(use name:/path, /host:/path or ./folder:/path, with :ro to mount read-only)";
    private static readonly string[] Keys = ["source", "target", "read-only"];

    public IReadOnlyList<VolumeMount>? Read(Node node, string path)
    {
        if (node is not ListNode list)
        {
            values.Report(node, path, $"expected a list of volumes, found {node.Describe()}");
            return null;
        }

        var mounts = new List<VolumeMount>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var item = list.Items[i];
            var mount = item switch
            {
                ScalarNode { IsNull: false } scalar => FromText(scalar, itemPath),
                MapNode map => FromMap(map, itemPath),
                _ => Wrong(item, itemPath),
            };
            if (mount is null)
            {
                continue;
            }

            if (mounts.Any(m => m.Target == mount.Target))
            {
                values.Report(item, itemPath, $"'{mount.Target}' is mounted twice");
                continue;
            }

            mounts.Add(mount);
        }

        return mounts;
    }

    private VolumeMount? Wrong(Node node, string path)
    {
        values.Report(node, path, $"expected a volume (name:/path or a mapping with source and target), found {node.Describe()}");
        return null;
    }

    private VolumeMount? FromText(ScalarNode node, string path)
    {
        var parts = node.Value.Split(':');
        var readOnly = false;
        if (parts.Length == 3 && parts[2] is "ro" or "rw")
        {
            readOnly = parts[2] == "ro";
        }
        else if (parts.Length != 2)
        {
            values.Report(node, path, $"'{node.Value}' is not a volume {Hint}");
            return null;
        }

        return Build(parts[0], parts[1], readOnly, node, path, node.Value);
    }

    private VolumeMount? FromMap(MapNode map, string path)
    {
        string? source = null;
        string? target = null;
        var readOnly = false;
        var ok = true;
        foreach (var (key, value) in map.Entries)
        {
            var keyPath = $"{path}.{key.Value}";
            switch (key.Value)
            {
                case "source":
                    source = values.Text(value, keyPath, "a volume name or host folder");
                    ok &= source is not null;
                    break;
                case "target":
                    target = values.Text(value, keyPath, "a mount path");
                    ok &= target is not null;
                    break;
                case "read-only":
                    var flag = values.Bool(value, keyPath);
                    readOnly = flag ?? false;
                    ok &= flag is not null;
                    break;
                default:
                    values.Report(key, keyPath, $"unknown key '{key.Value}'{Suggestions.Hint(key.Value, Keys)}");
                    ok = false;
                    break;
            }
        }

        if (ok && (source is null || target is null))
        {
            values.Report(map, path, "a volume needs both source and target");
            return null;
        }

        return ok ? Build(source!, target!, readOnly, map, path, $"{source}:{target}") : null;
    }

    private VolumeMount? Build(string source, string target, bool readOnly, Node node, string path, string written)
    {
        if (source.Length == 0 || target.Length == 0)
        {
            values.Report(node, path, $"'{written}' is not a volume {Hint}");
            return null;
        }

        if (!target.StartsWith('/'))
        {
            values.Report(node, path, $"'{target}' is not a mount path (use an absolute path such as /data)");
            return null;
        }

        if (source.StartsWith('/') || source.StartsWith('.'))
        {
            var host = source.StartsWith('.') && baseDirectory is not null
                ? Path.GetFullPath(Path.Combine(baseDirectory, source))
                : source;
            return new VolumeMount(host, target, IsHostPath: true, readOnly);
        }

        if (!VolumeNamePattern().IsMatch(source))
        {
            values.Report(node, path, $"'{source}' is not a volume name (use letters, digits, '_', '.' and '-')");
            return null;
        }

        return new VolumeMount(source, target, IsHostPath: false, readOnly);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VolumeNamePattern();
}
