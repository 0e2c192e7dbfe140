using Sky.Model;
using Sky.Runtime;
using Sky.Runtime.Resources;

namespace Sky.Testing.Engine;

/// <summary>One container of <see cref="FakeContainerRuntime"/>: the request it came from, what inspecting it tells, and a switch for its end.</summary>
public sealed class FakeContainer(string id, ContainerCreateRequest request)
{
    private readonly TaskCompletionSource<long> exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id { get; } = id;

    /// <summary>What it was created from; a rename changes its name here too.</summary>
    public ContainerCreateRequest Request { get; set; } = request;

    public string Name => Request.Name;

    public ContainerState State { get; set; } = ContainerState.Created;

    public bool Removed { get; set; }

    public bool Stopped { get; set; }

    public List<string> Output { get; } = [];

    /// <summary>The counters a resource reading returns while it runs (time set to the reading's).</summary>
    public ResourceUsage? Usage { get; set; }

    /// <summary>Container port to host port, as inspecting it tells.</summary>
    public Dictionary<int, int> PublishedPorts { get; } = [];

    public long ExitCode { get; private set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public Task<long> Exited => exit.Task;

    public void Exit(long code)
    {
        State = ContainerState.Exited;
        ExitCode = code;
        exit.TrySetResult(code);
    }
}
