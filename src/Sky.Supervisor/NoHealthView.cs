namespace Sky.Supervisor;

/// <summary>The health view of a daemon that runs no checks yet: nothing known about any container.</summary>
public sealed class NoHealthView : IContainerHealthView
{
    public ContainerHealth? Get(string containerName) => null;
}
