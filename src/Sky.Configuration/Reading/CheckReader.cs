using Sky.Configuration.Values;
using Sky.Configuration.Yaml;
using Sky.Model;

namespace Sky.Configuration.Reading;

/// <summary>Reads <c>checks:</c>, a list of mappings each with exactly one of http, port or command.</summary>
internal sealed class CheckReader(ValueReader values)
{
    private static readonly string[] Keys = ["http", "port", "command", "interval", "timeout", "retries", "start-period"];

    public IReadOnlyList<CheckDraft>? Read(Node node, string path)
    {
        if (node is not ListNode list)
        {
            values.Report(node, path, $"expected a list of checks, found {node.Describe()}");
            return null;
        }

        var checks = new List<CheckDraft>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (ReadOne(list.Items[i], $"{path}[{i}]") is { } check)
            {
                checks.Add(check);
            }
        }

        return checks;
    }

    private CheckDraft? ReadOne(Node node, string path)
    {
        if (values.Map(node, path, "a check (a mapping with http, port or command)") is not { } map)
        {
            return null;
        }

        var ok = true;
        string? http = null;
        int? port = null;
        string? command = null;
        var spec = new CheckSpec { Kind = CheckKind.Port };
        foreach (var (key, value) in map.Entries)
        {
            var keyPath = $"{path}.{key.Value}";
            switch (key.Value)
            {
                case "http":
                    http = values.Text(value, keyPath, "an HTTP path");
                    if (http is not null && !http.StartsWith('/'))
                    {
                        values.Report(value, keyPath, $"'{http}' is not an HTTP path (start it with /)");
                        http = null;
                    }

                    ok &= http is not null;
                    break;
                case "port":
                    port = values.Port(value, keyPath);
                    ok &= port is not null;
                    break;
                case "command":
                    command = values.Text(value, keyPath, "a command");
                    ok &= command is not null;
                    break;
                case "interval":
                    var interval = values.Duration(value, keyPath);
                    spec = interval is null ? spec : spec with { Interval = interval.Value };
                    ok &= interval is not null;
                    break;
                case "timeout":
                    var timeout = values.Duration(value, keyPath);
                    spec = timeout is null ? spec : spec with { Timeout = timeout.Value };
                    ok &= timeout is not null;
                    break;
                case "retries":
                    var retries = values.AtLeastOne(value, keyPath, "retries");
                    spec = retries is null ? spec : spec with { Retries = retries.Value };
                    ok &= retries is not null;
                    break;
                case "start-period":
                    var startPeriod = values.Duration(value, keyPath, allowZero: true);
                    spec = startPeriod is null ? spec : spec with { StartPeriod = startPeriod.Value };
                    ok &= startPeriod is not null;
                    break;
                default:
                    values.Report(key, keyPath, $"unknown key '{key.Value}'{Suggestions.Hint(key.Value, Keys)}");
                    ok = false;
                    break;
            }
        }

        // `port` is the probed port of an http check, and a check kind of its own otherwise.
        var hasHttp = map.Find("http") is not null;
        var hasCommand = map.Find("command") is not null;
        var hasPort = map.Find("port") is not null;
        if (hasHttp && hasCommand || hasCommand && hasPort)
        {
            values.Report(map, path, "a check can have only one of http, port or command");
            return null;
        }

        if (!hasHttp && !hasCommand && !hasPort)
        {
            values.Report(map, path, "a check needs one of http: PATH, port: N or command: CMD");
            return null;
        }

        if (!ok)
        {
            return null;
        }

        spec = hasHttp ? spec with { Kind = CheckKind.Http, Path = http, Port = port }
            : hasCommand ? spec with { Kind = CheckKind.Command, Command = command }
            : spec with { Kind = CheckKind.Port, Port = port };
        return new CheckDraft(spec, map, path);
    }
}
