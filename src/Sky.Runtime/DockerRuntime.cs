using System.Net;
using System.Text.Json;
using Sky.Model;
using Sky.Runtime.Resources;

namespace Sky.Runtime;

/// <summary>
/// sky's client of the Docker Engine API, over the Unix socket or TCP, speaking the newest API version both sides
/// know (at most 1.45). It pulls an image only when asked to, and sky asks only for its own registry's. The work is done
/// by one class per area, which this one puts behind <see cref="IContainerRuntime"/>: containers, exec and attach,
/// images, networks and volumes, events, logs and resource readings.
/// </summary>
public sealed class DockerRuntime : IContainerRuntime, IDisposable
{
    private readonly DockerHttpClient client;
    private readonly EngineContainers containers;
    private readonly EngineExec exec;
    private readonly EngineImages images;
    private readonly EngineNetworksAndVolumes networksAndVolumes;
    private readonly EngineEvents events;
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
        containers = new EngineContainers(client);
        exec = new EngineExec(client);
        images = new EngineImages(client);
        networksAndVolumes = new EngineNetworksAndVolumes(client);
        events = new EngineEvents(client);
        logs = new ContainerLogs(client, containers.WaitContainerAsync);
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

    public IAsyncEnumerable<LogEntry> GetLogsAsync(string id, LogQuery query, CancellationToken cancellationToken) =>
        logs.GetLogsAsync(id, query, cancellationToken);

    public Task CopyLogLinesAsync(string id, DateTimeOffset? since, bool follow, ILogLineSink sink, CancellationToken cancellationToken) =>
        logs.CopyLogLinesAsync(id, since, follow, sink, cancellationToken);

    public Task<IReadOnlyList<ObservedContainer>> ListContainersAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken) =>
        containers.ListContainersAsync(labels, cancellationToken);

    public Task<ContainerDetails?> InspectContainerAsync(string idOrName, CancellationToken cancellationToken) =>
        containers.InspectContainerAsync(idOrName, cancellationToken);

    public Task<string> CreateContainerAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> extraLabels, CancellationToken cancellationToken) =>
        containers.CreateContainerAsync(spec, extraLabels, cancellationToken);

    public Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken) =>
        containers.CreateContainerAsync(request, cancellationToken);

    public Task StartContainerAsync(string id, CancellationToken cancellationToken) =>
        containers.StartContainerAsync(id, cancellationToken);

    public Task StopContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken) =>
        containers.StopContainerAsync(id, timeout, cancellationToken);

    public Task KillContainerAsync(string id, string signal, CancellationToken cancellationToken) =>
        containers.KillContainerAsync(id, signal, cancellationToken);

    public Task RemoveContainerAsync(string id, bool force, CancellationToken cancellationToken) =>
        containers.RemoveContainerAsync(id, force, cancellationToken);

    public Task RenameContainerAsync(string id, string name, CancellationToken cancellationToken) =>
        containers.RenameContainerAsync(id, name, cancellationToken);

    public Task<long> WaitContainerAsync(string id, CancellationToken cancellationToken) =>
        containers.WaitContainerAsync(id, cancellationToken);

    public Task<ExecResult> ExecAsync(string id, IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        exec.ExecAsync(id, command, cancellationToken);

    public Task<Stream> AttachAsync(string id, CancellationToken cancellationToken) =>
        exec.AttachAsync(id, cancellationToken);

    public Task ResizeTtyAsync(string id, int width, int height, CancellationToken cancellationToken) =>
        exec.ResizeTtyAsync(id, width, height, cancellationToken);

    public Task<ImageInfo?> InspectImageAsync(string reference, CancellationToken cancellationToken) =>
        images.InspectImageAsync(reference, cancellationToken);

    public Task<IReadOnlyList<ImageInfo>> ListImagesAsync(CancellationToken cancellationToken) =>
        images.ListImagesAsync(cancellationToken);

    public Task RemoveImageAsync(string reference, CancellationToken cancellationToken) =>
        images.RemoveImageAsync(reference, cancellationToken);

    public Task TagImageAsync(string source, string target, CancellationToken cancellationToken) =>
        images.TagImageAsync(source, target, cancellationToken);

    public Task<string> BuildImageAsync(Stream context, string tag, string? dockerfile, IProgress<string>? progress, CancellationToken cancellationToken) =>
        images.BuildImageAsync(context, tag, dockerfile, progress, cancellationToken);

    public Task<string?> PushImageAsync(string reference, IProgress<string>? progress, CancellationToken cancellationToken) =>
        images.PushImageAsync(reference, progress, cancellationToken);

    public Task PullImageAsync(string reference, IProgress<string>? progress, CancellationToken cancellationToken) =>
        images.PullImageAsync(reference, progress, cancellationToken);

    public Task EnsureNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) =>
        networksAndVolumes.EnsureNetworkAsync(name, labels, cancellationToken);

    public Task RemoveNetworkAsync(string name, CancellationToken cancellationToken) =>
        networksAndVolumes.RemoveNetworkAsync(name, cancellationToken);

    public Task<IReadOnlyList<string>> ListNetworksAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken) =>
        networksAndVolumes.ListNetworksAsync(labels, cancellationToken);

    public Task<System.Net.IPAddress?> GetBridgeGatewayAsync(CancellationToken cancellationToken) =>
        networksAndVolumes.GetBridgeGatewayAsync(cancellationToken);

    public Task EnsureVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) =>
        networksAndVolumes.EnsureVolumeAsync(name, labels, cancellationToken);

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken) =>
        networksAndVolumes.RemoveVolumeAsync(name, cancellationToken);

    public Task<IReadOnlyList<string>> ListVolumesAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken) =>
        networksAndVolumes.ListVolumesAsync(labels, cancellationToken);

    public IAsyncEnumerable<EngineEvent> GetEventsAsync(IReadOnlyDictionary<string, string?> labels, DateTimeOffset? since, CancellationToken cancellationToken) =>
        events.GetEventsAsync(labels, since, cancellationToken);

    public void Dispose() => client.Dispose();

    internal static async Task<JsonDocument> RequireJsonAsync(Task<JsonDocument?> request, string what)
    {
        // The engine always answers these with JSON; an empty answer means something between us and it is wrong.
        return await request ?? throw new EngineException((int)HttpStatusCode.BadGateway, $"The Docker engine sent an empty answer to {what}.");
    }
}
