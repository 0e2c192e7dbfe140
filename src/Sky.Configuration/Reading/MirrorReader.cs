using Sky.Configuration.Values;
using Sky.Configuration.Yaml;
using Sky.Model.Routing;

namespace Sky.Configuration.Reading;

/// <summary>
/// Reads <c>mirror:</c>: an instance name (<c>mirror: dev</c>, every request copied) or a mapping with <c>to</c> and
/// <c>percent</c>. Whether the instance exists is checked when the service is resolved, where its instances are known.
/// </summary>
internal sealed class MirrorReader(ValueReader values)
{
    private static readonly string[] Keys = ["to", "percent"];

    public Located<MirrorSpec>? Read(Node node, string path)
    {
        if (node is ScalarNode { IsNull: false } scalar)
        {
            return new Located<MirrorSpec>(new MirrorSpec(scalar.Value), node, path);
        }

        if (values.Map(node, path, "an instance name, or a mapping with to and percent") is not { } map)
        {
            return null;
        }

        string? to = null;
        int? percent = null;
        var ok = true;
        foreach (var (key, value) in map.Entries)
        {
            var keyPath = $"{path}.{key.Value}";
            switch (key.Value)
            {
                case "to":
                    to = values.Text(value, keyPath, "an instance name");
                    ok &= to is not null;
                    break;
                case "percent":
                    percent = values.Percent(value, keyPath, "a percentage of requests");
                    ok &= percent is not null;
                    break;
                default:
                    values.Report(key, keyPath, $"unknown key '{key.Value}'{Suggestions.Hint(key.Value, Keys)}");
                    ok = false;
                    break;
            }
        }

        if (map.Find("to") is not { } target)
        {
            values.Report(map, path, "a mirror needs to: INSTANCE");
            return null;
        }

        // Located at the name, which is what a later "no such instance" is about.
        return ok ? new Located<MirrorSpec>(new MirrorSpec(to!, percent ?? 100), target.Value, $"{path}.to") : null;
    }
}
