using Sky.Configuration.Reading;
using Sky.Configuration.Yaml;

namespace Sky.Api.Settings;

/// <summary>Reads <c>logs.forward</c>: one target or a list, each a URL such as <c>gelf+udp://HOST:PORT</c>.</summary>
internal static class LogForwardTargets
{
    public static IReadOnlyList<string>? Read(ValueReader values, Node node, string path)
    {
        if (values.ListOrOne(node, path, "a list of targets such as gelf+udp://HOST:PORT") is not { } items)
        {
            return null;
        }

        var targets = new List<string>();
        var ok = true;
        foreach (var (item, itemPath) in items)
        {
            if (values.Text(item, itemPath, "a target such as syslog+tcp://HOST:PORT") is not { } text)
            {
                ok = false;
                continue;
            }

            targets.Add(text);
        }

        return ok ? targets : null;
    }
}
