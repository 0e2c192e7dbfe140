namespace Sky.Feed;

/// <summary>No router: nothing to wait for.</summary>
public sealed class NoAdmission : IContainerAdmission
{
    public static NoAdmission Instance { get; } = new();

    public Task AdmittedAsync(string containerName, string containerId, CancellationToken cancellationToken) => Task.CompletedTask;
}
