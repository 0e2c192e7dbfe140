using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Sky.Runtime.DockerQuery;

namespace Sky.Runtime;

/// <summary>Networks and volumes: created on demand with sky's labels, listed by label, removed quietly.</summary>
internal sealed class EngineNetworksAndVolumes(DockerHttpClient client)
{
    public async Task EnsureNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        if (await NetworkExistsAsync(name, cancellationToken))
        {
            return;
        }

        var body = new JsonObject
        {
            ["Name"] = name,
            ["Driver"] = "bridge",
            ["CheckDuplicate"] = true,
            ["Labels"] = LabelObject(labels),
        };
        try
        {
            using var _ = await client.PostJsonAsync("/networks/create", body, cancellationToken);
        }
        catch (EngineException e) when (e.StatusCode == (int)HttpStatusCode.Conflict)
        {
            // Created meanwhile by someone else ensuring the same network: it exists, which is what was asked.
            if (!await NetworkExistsAsync(name, cancellationToken))
            {
                throw;
            }
        }
    }

    public async Task RemoveNetworkAsync(string name, CancellationToken cancellationToken) =>
        await client.SendEmptyAsync(HttpMethod.Delete, $"/networks/{Segment(name)}", cancellationToken, HttpStatusCode.NotFound);

    public async Task<IReadOnlyList<string>> ListNetworksAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken)
    {
        using var answer = await DockerRuntime.RequireJsonAsync(client.GetJsonAsync($"/networks?filters={LabelFilters(labels)}", cancellationToken), "a network list");
        return Names(answer.RootElement);
    }

    public async Task<System.Net.IPAddress?> GetBridgeGatewayAsync(CancellationToken cancellationToken)
    {
        using var bridge = await client.GetJsonAsync("/networks/bridge", cancellationToken, notFoundIsNull: true);
        return bridge is null ? null : EngineJsonMapper.BridgeGateway(bridge.RootElement);
    }

    public async Task EnsureVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        using var existing = await client.GetJsonAsync($"/volumes/{Segment(name)}", cancellationToken, notFoundIsNull: true);
        if (existing is not null)
        {
            return;
        }

        // Creating a volume that appeared meanwhile is harmless: the engine answers with the existing one.
        using var _ = await client.PostJsonAsync("/volumes/create", new JsonObject { ["Name"] = name, ["Labels"] = LabelObject(labels) }, cancellationToken);
    }

    public async Task RemoveVolumeAsync(string name, CancellationToken cancellationToken) =>
        await client.SendEmptyAsync(HttpMethod.Delete, $"/volumes/{Segment(name)}", cancellationToken, HttpStatusCode.NotFound);

    public async Task<IReadOnlyList<string>> ListVolumesAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken)
    {
        using var answer = await DockerRuntime.RequireJsonAsync(client.GetJsonAsync($"/volumes?filters={LabelFilters(labels)}", cancellationToken), "a volume list");
        return answer.RootElement.Child("Volumes") is { } volumes ? Names(volumes) : [];
    }

    private async Task<bool> NetworkExistsAsync(string name, CancellationToken cancellationToken)
    {
        // The engine's name filter matches parts of names; only an exact match counts.
        var filters = Filters(new Dictionary<string, IReadOnlyList<string>> { ["name"] = [name] });
        using var answer = await DockerRuntime.RequireJsonAsync(client.GetJsonAsync($"/networks?filters={filters}", cancellationToken), "a network list");
        return Names(answer.RootElement).Contains(name, StringComparer.Ordinal);
    }

    private static List<string> Names(JsonElement items) =>
        items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Select(i => i.String("Name")).OfType<string>().ToList()
            : [];

    private static JsonObject LabelObject(IReadOnlyDictionary<string, string> labels)
    {
        var map = new JsonObject();
        foreach (var (key, value) in labels)
        {
            map[key] = value;
        }

        return map;
    }
}
