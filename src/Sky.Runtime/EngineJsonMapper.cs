using System.Globalization;
using System.Text.Json;
using Sky.Model;

namespace Sky.Runtime;

/// <summary>Turns the engine's JSON answers into sky's records.</summary>
internal static class EngineJsonMapper
{
    public static ContainerState ParseState(string? status) => status?.ToLowerInvariant() switch
    {
        "created" => ContainerState.Created,
        "running" => ContainerState.Running,
        "paused" => ContainerState.Paused,
        "restarting" => ContainerState.Restarting,
        "removing" => ContainerState.Removing,
        "exited" => ContainerState.Exited,
        "dead" => ContainerState.Dead,

        // An unknown state is treated as the safest reading: the container is not doing its work.
        _ => ContainerState.Dead,
    };

    /// <summary>One item of <c>GET /containers/json</c>.</summary>
    public static ObservedContainer ToObserved(JsonElement item)
    {
        var names = item.StringList("Names");
        var name = names.Count > 0 ? names[0] : item.String("Id") ?? string.Empty;
        var created = item.Int64("Created");
        return new ObservedContainer
        {
            Id = item.String("Id") ?? string.Empty,
            Name = name.TrimStart('/'),
            State = ParseState(item.String("State")),
            Labels = item.StringMap("Labels"),
            Image = item.String("Image"),
            Created = created > 0 ? DateTimeOffset.FromUnixTimeSeconds(created) : null,
        };
    }

    /// <summary>The answer of <c>GET /containers/{id}/json</c>.</summary>
    public static ContainerDetails ToDetails(JsonElement root)
    {
        var state = root.Child("State") ?? default;
        var config = root.Child("Config") ?? default;
        var host = root.Child("HostConfig") ?? default;
        var network = root.Child("NetworkSettings") ?? default;
        return new ContainerDetails
        {
            Id = root.String("Id") ?? string.Empty,
            Name = (root.String("Name") ?? string.Empty).TrimStart('/'),
            State = ParseState(state.String("Status")),
            Image = config.String("Image") ?? root.String("Image") ?? string.Empty,
            Labels = config.StringMap("Labels"),
            Environment = config.StringList("Env"),
            ExitCode = state.Int64("ExitCode"),
            OomKilled = state.Boolean("OOMKilled"),
            Pid = (int)state.Int64("Pid"),
            StartedAt = state.Time("StartedAt"),
            FinishedAt = state.Time("FinishedAt"),
            MemoryBytes = host.Int64("Memory"),
            NanoCpus = host.Int64("NanoCpus"),
            PublishedPorts = PublishedPorts(network),
            Networks = Networks(network),
        };
    }

    /// <summary>The container's json-file log when the engine keeps one and it is on this machine's disk; else null.</summary>
    /// <summary>
    /// The host's address on the default bridge, where containers reach the host: the network's gateway, or when the
    /// engine names none (it does not always), the first address of its subnet, which is what it gives the bridge.
    /// </summary>
    public static System.Net.IPAddress? BridgeGateway(JsonElement network)
    {
        if ((network.Child("IPAM") ?? default).Child("Config") is not { ValueKind: JsonValueKind.Array } configs)
        {
            return null;
        }

        foreach (var config in configs.EnumerateArray())
        {
            if (config.String("Gateway") is { } gateway && System.Net.IPAddress.TryParse(gateway, out var address))
            {
                return address;
            }

            if (config.String("Subnet") is { } subnet && System.Net.IPNetwork.TryParse(subnet, out var range)
                && range.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            {
                var bytes = range.BaseAddress.GetAddressBytes();
                bytes[3]++;
                return new System.Net.IPAddress(bytes);
            }
        }

        return null;
    }

    public static string? LocalJsonFileLog(JsonElement inspect)
    {
        var driver = ((inspect.Child("HostConfig") ?? default).Child("LogConfig") ?? default).String("Type");
        return driver == "json-file" && inspect.String("LogPath") is { Length: > 0 } path && File.Exists(path) ? path : null;
    }

    public static bool IsTty(JsonElement inspect) => (inspect.Child("Config") ?? default).Boolean("Tty");

    /// <summary>One line of <c>GET /events</c>; the time comes from <c>timeNano</c>, falling back to <c>time</c>.</summary>
    public static EngineEvent ToEvent(JsonElement item)
    {
        var actor = item.Child("Actor") ?? default;
        var nanos = item.Int64("timeNano");
        var time = nanos > 0
            ? DateTimeOffset.UnixEpoch.AddTicks(nanos / 100)
            : DateTimeOffset.FromUnixTimeSeconds(item.Int64("time"));
        return new EngineEvent(
            item.String("Type") ?? item.String("type") ?? string.Empty,
            item.String("Action") ?? item.String("status") ?? string.Empty,
            actor.String("ID") ?? item.String("id") ?? string.Empty,
            actor.StringMap("Attributes"),
            time);
    }

    /// <summary>An item of <c>GET /images/json</c> (Created in Unix seconds) or <c>GET /images/{name}/json</c> (RFC 3339).</summary>
    public static ImageInfo ToImage(JsonElement item)
    {
        var created = item.Child("Created") switch
        {
            { ValueKind: JsonValueKind.Number } n => DateTimeOffset.FromUnixTimeSeconds(n.GetInt64()),
            { ValueKind: JsonValueKind.String } s when DockerTimestamp.TryParse(s.GetString(), out var t) => t,
            _ => DateTimeOffset.MinValue,
        };
        var tags = item.StringList("RepoTags").Where(t => t != "<none>:<none>").ToList();
        var config = item.Child("Config") is { ValueKind: JsonValueKind.Object } c ? c : (JsonElement?)null;
        return new ImageInfo(item.String("Id") ?? string.Empty, tags, created, item.Int64("Size"))
        {
            Environment = config?.StringList("Env") ?? [],
            Entrypoint = config?.StringList("Entrypoint") ?? [],
        };
    }

    private static Dictionary<int, int> PublishedPorts(JsonElement network)
    {
        var published = new Dictionary<int, int>();
        if (network.Child("Ports") is not { ValueKind: JsonValueKind.Object } ports)
        {
            return published;
        }

        foreach (var port in ports.EnumerateObject())
        {
            // Keys read "8080/tcp"; a port exposed but not published has a null list.
            var parts = port.Name.Split('/');
            if (parts.Length != 2 || parts[1] != "tcp" || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var containerPort)
                || port.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var bindings = port.Value.EnumerateArray().ToList();
            var binding = bindings.FirstOrDefault(b => b.String("HostIp") == ContainerCreateBody.PublishAddress);
            if (binding.ValueKind == JsonValueKind.Undefined && bindings.Count > 0)
            {
                binding = bindings[0];
            }

            if (binding.ValueKind == JsonValueKind.Object
                && int.TryParse(binding.String("HostPort"), NumberStyles.None, CultureInfo.InvariantCulture, out var hostPort))
            {
                published[containerPort] = hostPort;
            }
        }

        return published;
    }

    private static Dictionary<string, IReadOnlyList<string>> Networks(JsonElement network)
    {
        var networks = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (network.Child("Networks") is { ValueKind: JsonValueKind.Object } items)
        {
            foreach (var item in items.EnumerateObject())
            {
                networks[item.Name] = item.Value.StringList("Aliases");
            }
        }

        return networks;
    }
}
