using Sky.Configuration.Reading;
using Sky.Configuration.Yaml;
using Sky.Logs.Forwarding;

namespace Sky.Api.Settings;

/// <summary>Reads <c>logs.forward</c>: one target or a list, each a URL such as <c>gelf+udp://HOST:PORT</c>.</summary>
internal static class LogForwardTargets
{
    public static IReadOnlyList<ForwardTarget>? Read(ValueReader values, Node node, string path)
    {
        if (values.ListOrOne(node, path, "a list of targets such as gelf+udp://HOST:PORT") is not { } items)
        {
            return null;
        }

        var targets = new List<ForwardTarget>();
        var ok = true;
        foreach (var (item, itemPath) in items)
        {
            if (values.Text(item, itemPath, "a target such as syslog+tcp://HOST:PORT") is not { } text)
            {
                ok = false;
                continue;
            }

            if (ForwardTarget.TryParse(text, out var target, out var error))
            {
                targets.Add(target);
            }
            else
            {
                values.Report(item, itemPath, error);
                ok = false;
            }
        }

        return ok ? targets : null;
    }
}
