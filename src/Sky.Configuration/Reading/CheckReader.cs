using Sky.Configuration.Keys;
using Sky.Configuration.Yaml;
using Sky.Model;

namespace Sky.Configuration.Reading;

/// <summary>Reads <c>checks:</c>, a list of mappings (keys of the table's check rows) each with exactly one of http, port or command.</summary>
internal sealed class CheckReader(KeyReaders readers)
{
    public IReadOnlyList<CheckDraft>? Read(Node node, string path)
    {
        if (node is not ListNode list)
        {
            readers.Values.Report(node, path, $"expected a list of checks, found {node.Describe()}");
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
        if (readers.Values.Map(node, path, "a check (a mapping with http, port or command)") is not { } map)
        {
            return null;
        }

        var keys = readers.Mapping(map, path, KeyPlaces.Check);

        // `port` is the probed port of an http check, and a check kind of its own otherwise.
        var hasHttp = keys.Writes(CheckKeys.CheckHttp);
        var hasCommand = keys.Writes(CheckKeys.CheckCommand);
        var hasPort = keys.Writes(CheckKeys.CheckPort);
        if (hasHttp && hasCommand || hasCommand && hasPort)
        {
            readers.Values.Report(map, path, "a check can have only one of http, port or command");
            return null;
        }

        if (!hasHttp && !hasCommand && !hasPort)
        {
            readers.Values.Report(map, path, "a check needs one of http: PATH, port: N or command: CMD");
            return null;
        }

        if (!keys.Complete)
        {
            return null;
        }

        var defaults = new CheckSpec { Kind = CheckKind.Port };
        var spec = new CheckSpec
        {
            Kind = hasHttp ? CheckKind.Http : hasCommand ? CheckKind.Command : CheckKind.Port,
            Path = keys.Get(CheckKeys.CheckHttp),
            Port = keys.Get(CheckKeys.CheckPort),
            Command = keys.Get(CheckKeys.CheckCommand),
            Interval = keys.Get(CheckKeys.CheckInterval) ?? defaults.Interval,
            Timeout = keys.Get(CheckKeys.CheckTimeout) ?? defaults.Timeout,
            Retries = keys.Get(CheckKeys.CheckRetries) ?? defaults.Retries,
            StartPeriod = keys.Get(CheckKeys.CheckStartPeriod) ?? defaults.StartPeriod,
        };
        return new CheckDraft(spec, map, path);
    }
}
