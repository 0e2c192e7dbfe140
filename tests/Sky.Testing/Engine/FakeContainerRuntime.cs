using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Sky.Model;
using Sky.Runtime;
using Sky.Runtime.Resources;

namespace Sky.Testing.Engine;

/// <summary>
/// The engine in memory, for logic tests of the parts above it: containers are created, started, inspected, waited for
/// and removed; a test decides when each one exits (or lets them exit at once with <see cref="AutoExitCode"/>) and
/// what the event stream says (<see cref="Emit"/>, <see cref="BreakEvents"/>).
/// </summary>
public sealed class FakeContainerRuntime : IContainerRuntime
{
    private readonly ConcurrentDictionary<string, FakeContainer> containers = new();
    private Channel<EngineEvent> events = Channel.CreateUnbounded<EngineEvent>();
    private int sequence;
    private int subscriptions;

    /// <summary>What <see cref="PingAsync"/> does; by default it is not supported.</summary>
    public Func<CancellationToken, Task<EngineInfo>>? Ping { get; init; }

    /// <summary>How many times the event stream was opened (reconnections count).</summary>
    public int EventSubscriptions => Volatile.Read(ref subscriptions);

    /// <summary>Puts an event on the engine's event stream.</summary>
    public void Emit(EngineEvent engineEvent) => Volatile.Read(ref events).Writer.TryWrite(engineEvent);

    /// <summary>Ends the current event stream with <paramref name="error"/> (as an engine going away does); the next opening gets a new one.</summary>
    public void BreakEvents(Exception error) => Interlocked.Exchange(ref events, Channel.CreateUnbounded<EngineEvent>()).Writer.TryComplete(error);

    /// <summary>When set, a container exits with this code as soon as it starts; null keeps it running until the test says.</summary>
    public long? AutoExitCode { get; set; } = 0;

    public IReadOnlyList<FakeContainer> All => containers.Values.OrderBy(c => c.Id.Length).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<FakeContainer> Running => All.Where(c => c.State == ContainerState.Running).ToList();

    public FakeContainer Named(string name) => All.Single(c => c.Name == name);

    /// <summary>A container left by an earlier daemon (adoption tests).</summary>
    public FakeContainer Add(ContainerCreateRequest request, ContainerState state)
    {
        var container = new FakeContainer($"c{Interlocked.Increment(ref sequence)}", request) { State = state };
        containers[container.Id] = container;
        return container;
    }

    /// <summary>As the engine: a name a container (not removed) already has is a 409.</summary>
    public Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken)
    {
        lock (containers)
        {
            if (All.FirstOrDefault(c => !c.Removed && c.Name == request.Name) is { } holder)
            {
                throw new EngineException(409, $"Conflict. The container name \"/{request.Name}\" is already in use by container \"{holder.Id}\".");
            }

            return Task.FromResult(Add(request, ContainerState.Created).Id);
        }
    }

    public Task StartContainerAsync(string id, CancellationToken cancellationToken)
    {
        var container = containers[id];
        container.State = ContainerState.Running;
        container.Output.Add($"output of {container.Name}");
        if (AutoExitCode is { } code)
        {
            container.Exit(code);
        }

        return Task.CompletedTask;
    }

    public Task StopContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var container = containers[id];
        container.Stopped = true;
        container.Exit(137);
        return Task.CompletedTask;
    }

    public Task<long> WaitContainerAsync(string id, CancellationToken cancellationToken) => containers[id].Exited.WaitAsync(cancellationToken);

    public Task RemoveContainerAsync(string id, bool force, CancellationToken cancellationToken)
    {
        if (containers.TryGetValue(id, out var container))
        {
            container.Removed = true;
        }

        return Task.CompletedTask;
    }

    /// <summary>As the engine: a name another container (not removed) has is a 409.</summary>
    public Task RenameContainerAsync(string id, string name, CancellationToken cancellationToken)
    {
        lock (containers)
        {
            if (All.FirstOrDefault(c => !c.Removed && c.Name == name && c.Id != id) is { } holder)
            {
                throw new EngineException(409, $"Conflict. The container name \"/{name}\" is already in use by container \"{holder.Id}\".");
            }

            var container = containers[id];
            container.Request = container.Request with { Name = name };
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<ObservedContainer>> ListContainersAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ObservedContainer>>(All
            .Where(c => !c.Removed && labels.All(l => c.Request.Labels.TryGetValue(l.Key, out var value) && (l.Value is null || l.Value == value)))
            .Select(c => new ObservedContainer { Id = c.Id, Name = c.Name, State = c.State, Labels = c.Request.Labels, Image = c.Request.Image })
            .ToList());

    public async IAsyncEnumerable<LogEntry> GetLogsAsync(string id, LogQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var line in containers[id].Output)
        {
            yield return new LogEntry(LogStream.Stdout, line, null);
        }
    }

    public async Task CopyLogLinesAsync(string id, DateTimeOffset? since, bool follow, ILogLineSink sink, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var container = containers[id];
        foreach (var line in container.Output)
        {
            sink.Take(LogStream.Stdout, container.StartedAt ?? DateTimeOffset.UnixEpoch, System.Text.Encoding.UTF8.GetBytes(line), truncated: false);
        }
    }

    public Task<ResourceUsage?> ReadResourceUsageAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(containers.TryGetValue(id, out var container) && !container.Removed && container.State == ContainerState.Running
            ? container.Usage is { } usage ? usage with { Time = now } : new ResourceUsage { Time = now }
            : null);

    public Task<System.Net.IPAddress?> GetBridgeGatewayAsync(CancellationToken cancellationToken) => Task.FromResult<System.Net.IPAddress?>(null);

    public void ForgetResourceReader(string id)
    {
    }

    public Task EnsureVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<EngineInfo> PingAsync(CancellationToken cancellationToken) => Ping?.Invoke(cancellationToken) ?? throw new NotSupportedException();

    public Task<ContainerDetails?> InspectContainerAsync(string idOrName, CancellationToken cancellationToken)
    {
        var container = All.FirstOrDefault(c => !c.Removed && (c.Id == idOrName || c.Name == idOrName));
        return Task.FromResult(container is null ? null : new ContainerDetails
        {
            Id = container.Id,
            Name = container.Name,
            State = container.State,
            Image = container.Request.Image,
            Labels = container.Request.Labels,
            ExitCode = container.ExitCode,
            StartedAt = container.StartedAt,
            FinishedAt = container.FinishedAt,
            PublishedPorts = container.PublishedPorts,
        });
    }

    public Task<string> CreateContainerAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> extraLabels, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal);
        foreach (var (key, value) in extraLabels)
        {
            labels[key] = value;
        }

        return CreateContainerAsync(
            new ContainerCreateRequest { Name = spec.Name, Image = spec.Image, Command = spec.Command, Environment = spec.Environment, Labels = labels, Network = spec.Network },
            cancellationToken);
    }

    public Task KillContainerAsync(string id, string signal, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ExecResult> ExecAsync(string id, IReadOnlyList<string> command, CancellationToken cancellationToken) => throw new NotSupportedException();

    public async IAsyncEnumerable<EngineEvent> GetEventsAsync(IReadOnlyDictionary<string, string?> labels, DateTimeOffset? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref subscriptions);
        var stream = Volatile.Read(ref events);
        await foreach (var engineEvent in stream.Reader.ReadAllAsync(cancellationToken))
        {
            yield return engineEvent;
        }
    }

    /// <summary>The networks made, by name (their labels are not kept: no test filters by them).</summary>
    public ConcurrentDictionary<string, bool> Networks { get; } = new(StringComparer.Ordinal);

    public Task EnsureNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        Networks.TryAdd(name, true);
        return Task.CompletedTask;
    }

    public Task RemoveNetworkAsync(string name, CancellationToken cancellationToken)
    {
        Networks.TryRemove(name, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListNetworksAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Networks.Keys.Order(StringComparer.Ordinal).ToList());

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> ListVolumesAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken) => throw new NotSupportedException();

    /// <summary>Every image is on this engine except these (tests of a missing image list it here).</summary>
    public ConcurrentDictionary<string, bool> AbsentImages { get; } = new(StringComparer.Ordinal);

    public Task<ImageInfo?> InspectImageAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(AbsentImages.ContainsKey(reference) ? null : new ImageInfo($"sha256:{reference}", [reference], DateTimeOffset.UnixEpoch, 0));

    public Task<IReadOnlyList<ImageInfo>> ListImagesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> BuildImageAsync(Stream context, string tag, string? dockerfile, IProgress<string>? progress, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task TagImageAsync(string source, string target, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string?> PushImageAsync(string reference, IProgress<string>? progress, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task PullImageAsync(string reference, IProgress<string>? progress, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RemoveImageAsync(string reference, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Stream> AttachAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ResizeTtyAsync(string id, int width, int height, CancellationToken cancellationToken) => throw new NotSupportedException();
}
