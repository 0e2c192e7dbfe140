using Sky.Model;

namespace Sky.Runtime;

/// <summary>
/// The containers of a daemon's namespace, told apart by which daemon made them (<see cref="Naming.Owns"/>). Every part
/// that acts on containers lists them here, so none can act on another daemon's by forgetting to look at who made it.
/// </summary>
public static class NamespaceContainers
{
    /// <summary>The engine-side filter for sky's objects of the namespace (of one kind): who made them is told apart after.</summary>
    public static Dictionary<string, string?> Labels(Naming naming, string? kind = null)
    {
        var labels = new Dictionary<string, string?>(StringComparer.Ordinal) { [SkyLabels.Managed] = "true", [SkyLabels.Namespace] = naming.Namespace };
        if (kind is not null)
        {
            labels[SkyLabels.Kind] = kind;
        }

        return labels;
    }

    /// <summary>This daemon's containers (of one kind, or all): the only ones it ever acts on.</summary>
    public static async Task<IReadOnlyList<ObservedContainer>> ListOwnContainersAsync(this IContainerRuntime runtime, Naming naming, string? kind, CancellationToken cancellationToken) =>
        (await runtime.ListContainersAsync(Labels(naming, kind), cancellationToken)).Where(c => naming.Owns(c.Labels)).ToList();

    /// <inheritdoc cref="ListOwnContainersAsync(IContainerRuntime, Naming, string?, CancellationToken)"/>
    public static Task<IReadOnlyList<ObservedContainer>> ListOwnContainersAsync(this IContainerRuntime runtime, Naming naming, CancellationToken cancellationToken) =>
        runtime.ListOwnContainersAsync(naming, null, cancellationToken);

    /// <summary>Every sky container of the namespace, this daemon's and other daemons' alike: only for showing them.</summary>
    public static Task<IReadOnlyList<ObservedContainer>> ListNamespaceContainersAsync(this IContainerRuntime runtime, Naming naming, CancellationToken cancellationToken) =>
        runtime.ListContainersAsync(Labels(naming), cancellationToken);
}
