using Sky.Model;
using Sky.Runtime.Resources;

namespace Sky.Runtime;

/// <summary>
/// Everything sky asks of a container engine, in sky's own words. The Docker Engine API client implements it;
/// nothing else in sky talks to Docker. Every call throws <see cref="EngineUnavailableException"/> when the
/// engine cannot be reached and <see cref="EngineException"/> when it refuses a request.
/// </summary>
public interface IContainerRuntime
{
    /// <summary>Checks the engine answers; returns its version and the negotiated API version.</summary>
    Task<EngineInfo> PingAsync(CancellationToken cancellationToken);

    /// <summary>All containers (running or not) carrying every given label (value null: the key alone).</summary>
    Task<IReadOnlyList<ObservedContainer>> ListContainersAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken);

    /// <summary>Null when no container has this id or name.</summary>
    Task<ContainerDetails?> InspectContainerAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>Creates the container of a spec (its ports published on 127.0.0.1, on its network with its aliases); returns its id.</summary>
    Task<string> CreateContainerAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> extraLabels, CancellationToken cancellationToken);

    /// <summary>Creates a container from a low-level description (one-off containers, job runs).</summary>
    Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken);

    Task StartContainerAsync(string id, CancellationToken cancellationToken);

    /// <summary>SIGTERM, then SIGKILL after the timeout. Stopping a stopped container is not an error.</summary>
    Task StopContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken);

    Task KillContainerAsync(string id, string signal, CancellationToken cancellationToken);

    /// <summary>Removing a container that does not exist is not an error.</summary>
    Task RemoveContainerAsync(string id, bool force, CancellationToken cancellationToken);

    /// <summary>Gives a container another name (running or not); the engine refuses a name another container holds (409).</summary>
    Task RenameContainerAsync(string id, string name, CancellationToken cancellationToken);

    /// <summary>Waits for the container to stop; returns its exit code.</summary>
    Task<long> WaitContainerAsync(string id, CancellationToken cancellationToken);

    /// <summary>Runs a command inside a running container and collects its exit code and output.</summary>
    Task<ExecResult> ExecAsync(string id, IReadOnlyList<string> command, CancellationToken cancellationToken);

    /// <summary>The container's output, the multiplexed stream decoded into lines.</summary>
    IAsyncEnumerable<LogEntry> GetLogsAsync(string id, LogQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Copies a container's output, with the engine's timestamps, into <paramref name="sink"/> one whole line at a time
    /// (long lines joined again): from <paramref name="since"/> (inclusive; all when null), and with
    /// <paramref name="follow"/> until the container stops. Returns when the output ends.
    /// </summary>
    Task CopyLogLinesAsync(string id, DateTimeOffset? since, bool follow, ILogLineSink sink, CancellationToken cancellationToken);

    /// <summary>The running container's resource counters now; null when it does not run (or no longer exists).</summary>
    Task<ResourceUsage?> ReadResourceUsageAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The host's address on the engine's default bridge, which containers reach it by; null when there is none.</summary>
    Task<System.Net.IPAddress?> GetBridgeGatewayAsync(CancellationToken cancellationToken);

    /// <summary>Drops what was kept to read a removed container's counters quickly.</summary>
    void ForgetResourceReader(string id);

    /// <summary>The engine's event stream, from now (or <paramref name="since"/>) until cancelled.</summary>
    IAsyncEnumerable<EngineEvent> GetEventsAsync(IReadOnlyDictionary<string, string?> labels, DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>Creates the network if no network of that name exists.</summary>
    Task EnsureNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>Removing a network that does not exist is not an error.</summary>
    Task RemoveNetworkAsync(string name, CancellationToken cancellationToken);

    /// <summary>Names of the networks carrying every given label.</summary>
    Task<IReadOnlyList<string>> ListNetworksAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken);

    /// <summary>Creates the named volume if it does not exist.</summary>
    Task EnsureVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    Task RemoveVolumeAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListVolumesAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken);

    /// <summary>Null when the image is not on the engine (asking never pulls it).</summary>
    Task<ImageInfo?> InspectImageAsync(string reference, CancellationToken cancellationToken);

    Task<IReadOnlyList<ImageInfo>> ListImagesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Builds an image from a build context (a tar archive; the Dockerfile at its root, or at <paramref name="dockerfile"/>
    /// within it) and returns its id; the build's output goes to <paramref name="progress"/> line by line.
    /// </summary>
    Task<string> BuildImageAsync(Stream context, string tag, string? dockerfile, IProgress<string>? progress, CancellationToken cancellationToken);

    /// <summary>Gives the image <paramref name="source"/> names the further name <paramref name="target"/>.</summary>
    Task TagImageAsync(string source, string target, CancellationToken cancellationToken);

    /// <summary>Pushes a tag to the registry its name is on; returns the digest the registry keeps it under, when it says.</summary>
    Task<string?> PushImageAsync(string reference, IProgress<string>? progress, CancellationToken cancellationToken);

    /// <summary>Pulls an image from the registry its name is on. Only <see cref="ImageSource"/> calls it, for sky's own registry.</summary>
    Task PullImageAsync(string reference, IProgress<string>? progress, CancellationToken cancellationToken);

    /// <summary>Removes a local image tag (the image goes when no tag holds it); an absent image is not an error.</summary>
    Task RemoveImageAsync(string reference, CancellationToken cancellationToken);

    /// <summary>
    /// A raw two-way stream to the stdin and output of a container created with <c>OpenStdin</c>: plain bytes for a
    /// terminal (TTY) container, multiplexed frames otherwise. Disposing it detaches; the container keeps running.
    /// </summary>
    Task<Stream> AttachAsync(string id, CancellationToken cancellationToken);

    /// <summary>Tells a terminal container the size of the window it is shown in.</summary>
    Task ResizeTtyAsync(string id, int width, int height, CancellationToken cancellationToken);
}
