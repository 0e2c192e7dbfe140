using System.Globalization;
using System.Text.Json.Nodes;
using Sky.Model;

namespace Sky.Runtime;

/// <summary>
/// The body of <c>POST /containers/create</c> for a service container or a one-off. sky restarts containers itself,
/// so no Docker restart policy is ever set; an init runs as PID 1 so that a stop does not wait out its grace period.
/// </summary>
internal static class ContainerCreateBody
{
    /// <summary>Where published ports listen: the host reaches containers through loopback only.</summary>
    public const string PublishAddress = "127.0.0.1";

    public static JsonObject From(ContainerSpec spec, IReadOnlyDictionary<string, string> extraLabels)
    {
        var labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal);
        foreach (var (key, value) in extraLabels)
        {
            labels[key] = value;
        }

        return Build(new ContainerShape(spec.Image, spec.Command, spec.Environment, labels, spec.MemoryBytes, spec.Cpus, spec.Volumes)
        {
            Ports = spec.Ports,
            Network = spec.Network,
            Aliases = spec.NetworkAliases,
        });
    }

    public static JsonObject From(ContainerCreateRequest request) =>
        Build(new ContainerShape(request.Image, request.Command, request.Environment, request.Labels, request.MemoryBytes, request.Cpus, request.Volumes)
        {
            Network = request.Network,
            Tty = request.Tty,
            OpenStdin = request.OpenStdin,
            Init = request.Init,
        });

    public static string PortKey(int port) => port.ToString(CultureInfo.InvariantCulture) + "/tcp";

    private static JsonObject Build(ContainerShape shape)
    {
        var host = new JsonObject
        {
            ["Init"] = shape.Init,
            ["RestartPolicy"] = new JsonObject { ["Name"] = "no" },
            ["Mounts"] = new JsonArray(shape.Volumes.Select(Mount).ToArray<JsonNode?>()),
        };
        if (shape.MemoryBytes is { } memory)
        {
            host["Memory"] = memory;
        }

        if (shape.Cpus is { } cpus)
        {
            host["NanoCpus"] = (long)Math.Round(cpus * 1_000_000_000d);
        }

        var exposed = new JsonObject();
        var bindings = new JsonObject();
        foreach (var port in shape.Ports.Distinct())
        {
            exposed[PortKey(port)] = new JsonObject();

            // An empty HostPort lets the engine choose a free one; inspect tells which.
            bindings[PortKey(port)] = new JsonArray(new JsonObject { ["HostIp"] = PublishAddress, ["HostPort"] = string.Empty });
        }

        host["PortBindings"] = bindings;
        var body = new JsonObject
        {
            ["Image"] = shape.Image,
            ["Env"] = new JsonArray(shape.Environment.Select(e => (JsonNode?)JsonValue.Create($"{e.Key}={e.Value}")).ToArray()),
            ["Labels"] = Map(shape.Labels),
            ["ExposedPorts"] = exposed,
            ["Tty"] = shape.Tty,
            ["OpenStdin"] = shape.OpenStdin,
            ["AttachStdin"] = shape.OpenStdin,
            ["AttachStdout"] = true,
            ["AttachStderr"] = true,

            // Stdin stays open when a client detaches, so that a shell can be re-attached later.
            ["StdinOnce"] = false,
            ["HostConfig"] = host,
        };
        if (shape.Command is { } command)
        {
            body["Cmd"] = new JsonArray(command.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
        }

        if (!string.IsNullOrEmpty(shape.Network))
        {
            // Joining at creation (rather than connecting afterwards) means the container never sits on the default bridge.
            host["NetworkMode"] = shape.Network;
            body["NetworkingConfig"] = new JsonObject
            {
                ["EndpointsConfig"] = new JsonObject
                {
                    [shape.Network] = new JsonObject
                    {
                        ["Aliases"] = new JsonArray(shape.Aliases.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
                    },
                },
            };
        }

        return body;
    }

    private static JsonObject Mount(VolumeMount volume) => new()
    {
        ["Type"] = volume.IsHostPath ? "bind" : "volume",
        ["Source"] = volume.Source,
        ["Target"] = volume.Target,
        ["ReadOnly"] = volume.ReadOnly,
    };

    private static JsonObject Map(IReadOnlyDictionary<string, string> values)
    {
        var map = new JsonObject();
        foreach (var (key, value) in values)
        {
            map[key] = value;
        }

        return map;
    }
}
