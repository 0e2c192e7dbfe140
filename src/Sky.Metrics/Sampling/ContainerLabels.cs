using Sky.Feed;

namespace Sky.Metrics.Sampling;

/// <summary>
/// The labels a container's metrics carry: its service and instance, or for a job run the job and <c>run-N</c>, for a
/// one-off container <c>one-off</c> and its own name; always the container's name.
/// </summary>
public static class ContainerLabels
{
    public const string OneOff = "one-off";

    public static MetricLabels Of(ContainerFacts container) => new(
        container.Service ?? container.Job ?? OneOff,
        container.Instance ?? (container.Run is { } run ? $"run-{run}" : container.Name),
        container.Name);
}
