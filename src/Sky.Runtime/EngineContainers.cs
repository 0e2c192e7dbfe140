using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sky.Model;
using static Sky.Runtime.DockerQuery;

namespace Sky.Runtime;

/// <summary>Container life through the engine: create, start, stop, kill, rename, remove, wait, inspect and list.</summary>
internal sealed class EngineContainers(DockerHttpClient client)
{
    public async Task<IReadOnlyList<ObservedContainer>> ListContainersAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken)
    {
        using var answer = await DockerRuntime.RequireJsonAsync(
            client.GetJsonAsync($"/containers/json?all=1&filters={LabelFilters(labels)}", cancellationToken),
            "a container list");
        return answer.RootElement.ValueKind == JsonValueKind.Array
            ? answer.RootElement.EnumerateArray().Select(EngineJsonMapper.ToObserved).ToList()
            : [];
    }

    public async Task<ContainerDetails?> InspectContainerAsync(string idOrName, CancellationToken cancellationToken)
    {
        using var answer = await client.GetJsonAsync($"/containers/{Segment(idOrName)}/json", cancellationToken, notFoundIsNull: true);
        return answer is null ? null : EngineJsonMapper.ToDetails(answer.RootElement);
    }

    public Task<string> CreateContainerAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> extraLabels, CancellationToken cancellationToken) =>
        CreateAsync(spec.Name, ContainerCreateBody.From(spec, extraLabels), cancellationToken);

    public Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken) =>
        CreateAsync(request.Name, ContainerCreateBody.From(request), cancellationToken);

    public async Task StartContainerAsync(string id, CancellationToken cancellationToken) =>
        // 304: already running, which is what was asked.
        await client.SendEmptyAsync(HttpMethod.Post, $"/containers/{Segment(id)}/start", cancellationToken, HttpStatusCode.NotModified);

    public async Task StopContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seconds = (long)Math.Ceiling(Math.Max(0, timeout.TotalSeconds));
        await client.SendEmptyAsync(HttpMethod.Post, $"/containers/{Segment(id)}/stop?t={Number(seconds)}", cancellationToken, HttpStatusCode.NotModified);
    }

    public async Task KillContainerAsync(string id, string signal, CancellationToken cancellationToken) =>
        await client.SendEmptyAsync(HttpMethod.Post, $"/containers/{Segment(id)}/kill?signal={Segment(signal)}", cancellationToken);

    public async Task RemoveContainerAsync(string id, bool force, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendEmptyAsync(HttpMethod.Delete, $"/containers/{Segment(id)}?force={Flag(force)}", cancellationToken, HttpStatusCode.NotFound);
        }
        catch (EngineException e) when (e.StatusCode == (int)HttpStatusCode.Conflict && e.Message.Contains("already in progress", StringComparison.OrdinalIgnoreCase))
        {
            // Someone else is removing it already: the outcome asked for is on its way.
        }
    }

    public async Task RenameContainerAsync(string id, string name, CancellationToken cancellationToken) =>
        await client.SendEmptyAsync(HttpMethod.Post, $"/containers/{Segment(id)}/rename?name={Segment(name)}", cancellationToken);

    public async Task<long> WaitContainerAsync(string id, CancellationToken cancellationToken)
    {
        using var answer = await DockerRuntime.RequireJsonAsync(
            client.PostJsonAsync($"/containers/{Segment(id)}/wait", null, cancellationToken),
            "a wait");
        if ((answer.RootElement.Child("Error") ?? default).String("Message") is { Length: > 0 } error)
        {
            throw new EngineException((int)HttpStatusCode.InternalServerError, $"Waiting for container {id} failed: {error}");
        }

        return answer.RootElement.Int64("StatusCode");
    }

    private async Task<string> CreateAsync(string name, JsonObject body, CancellationToken cancellationToken)
    {
        using var answer = await DockerRuntime.RequireJsonAsync(
            client.PostJsonAsync($"/containers/create?name={Segment(name)}", body, cancellationToken),
            "a container creation");
        return answer.RootElement.String("Id")
            ?? throw new EngineException((int)HttpStatusCode.BadGateway, string.Create(CultureInfo.InvariantCulture, $"The Docker engine created container {name} but sent no id."));
    }
}
