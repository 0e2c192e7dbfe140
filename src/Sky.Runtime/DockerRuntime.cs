using System.Net;
using System.Text.Json;
using Sky.Runtime.Resources;

namespace Sky.Runtime;

/// <summary>
/// sky's client of the Docker Engine API, over the Unix socket or TCP, speaking the newest API version both sides
/// know (at most 1.45). It pulls an image only when asked to, and sky asks only for its own registry's. Split over
/// several files by area: containers, exec and attach, logs and events, networks and volumes, images.
/// </summary>
public sealed partial class DockerRuntime : IContainerRuntime, IDisposable
{
    private readonly DockerHttpClient client;
    private readonly ContainerLogs logs;
    private readonly ContainerResources resources;

    /// <summary>A client of the engine at <paramref name="endpoint"/>, written as <c>DOCKER_HOST</c> is.</summary>
    public DockerRuntime(string endpoint)
        : this(DockerEndpoint.Parse(endpoint))
    {
    }

    public DockerRuntime(DockerEndpoint endpoint)
    {
        client = new DockerHttpClient(endpoint);
        logs = new ContainerLogs(client, WaitContainerAsync);
        resources = new ContainerResources(client);
    }

    public DockerEndpoint Endpoint => client.Endpoint;

    /// <summary>
    /// A client of the engine named by <c>DOCKER_HOST</c>, or of the default socket. A <c>DOCKER_HOST</c> sky cannot
    /// use is reported as <see cref="EngineUnavailableException"/>, since it means the same to the person reading it.
    /// </summary>
    public static DockerRuntime FromEnvironment() => FromDockerHost(Environment.GetEnvironmentVariable("DOCKER_HOST"));

    /// <summary>A client of the engine a <c>DOCKER_HOST</c> value names (null or empty: the default socket).</summary>
    internal static DockerRuntime FromDockerHost(string? dockerHost)
    {
        try
        {
            return new DockerRuntime(DockerEndpoint.Parse(dockerHost));
        }
        catch (FormatException e)
        {
            throw new EngineUnavailableException($"DOCKER_HOST is set to something sky cannot use: {e.Message}", e);
        }
    }

    public async Task<EngineInfo> PingAsync(CancellationToken cancellationToken)
    {
        var apiVersion = await client.GetApiVersionAsync(cancellationToken);
        using var version = await client.GetJsonAsync("/version", cancellationToken);
        var engineVersion = version?.RootElement.String("Version") ?? "unknown";
        return new EngineInfo(engineVersion, apiVersion, Endpoint.ToString());
    }

    public Task<ResourceUsage?> ReadResourceUsageAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        resources.ReadAsync(id, now, cancellationToken);

    public void ForgetResourceReader(string id) => resources.Forget(id);

    public void Dispose() => client.Dispose();

    internal static async Task<JsonDocument> RequireJsonAsync(Task<JsonDocument?> request, string what)
    {
        // The engine always answers these with JSON; an empty answer means something between us and it is wrong.
        return await request ?? throw new EngineException((int)HttpStatusCode.BadGateway, $"The Docker engine sent an empty answer to {what}.");
    }
}
