using Sky.Model;
using Sky.Runtime;

namespace Sky.Scheduler.Tests.Jobs;

/// <summary>One container of <see cref="FakeContainerRuntime"/>: the request it came from and a switch for its end.</summary>
public sealed class FakeContainer(string id, ContainerCreateRequest request)
{
    private readonly TaskCompletionSource<long> exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id { get; } = id;

    public ContainerCreateRequest Request { get; } = request;

    public string Name => Request.Name;

    public ContainerState State { get; set; } = ContainerState.Created;

    public bool Removed { get; set; }

    public bool Stopped { get; set; }

    public List<string> Output { get; } = [];

    public Task<long> Exited => exit.Task;

    public void Exit(long code)
    {
        State = ContainerState.Exited;
        exit.TrySetResult(code);
    }
}
