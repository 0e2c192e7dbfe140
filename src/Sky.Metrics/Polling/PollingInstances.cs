using System.Diagnostics.CodeAnalysis;
using Sky.Model;
using Sky.Model.Metrics;

namespace Sky.Metrics.Polling;

/// <summary>
/// The instances of one desired state whose <c>metrics:</c> polls an endpoint, each with the container port polled
/// (its main container's first). Made once per applied revision, so that the poller's once-a-second look at the
/// running containers is a lookup per container (and no look at all when nothing polls), not a search of every
/// service for each of them.
/// </summary>
internal sealed class PollingInstances
{
    private readonly Dictionary<(string Service, string Instance), (PollingSpec Spec, int Port)> polling = [];

    public PollingInstances(DesiredState state)
    {
        State = state;
        foreach (var instance in state.Services.SelectMany(s => s.Instances))
        {
            if (instance.Metrics is { PollsAnything: true } spec
                && instance.Containers.FirstOrDefault(c => c.Role == SkyLabels.MainRole) is { Ports.Count: > 0 } main)
            {
                polling[(instance.Service, instance.Name)] = (spec, main.Ports[0]);
            }
        }
    }

    /// <summary>The state these were read from (a snapshot is swapped whole, so the same reference means the same state).</summary>
    public DesiredState State { get; }

    public bool Any => polling.Count > 0;

    /// <summary>What to poll on containers of <paramref name="service"/>'s <paramref name="instance"/>; false: nothing.</summary>
    public bool TryFind(string service, string instance, [MaybeNullWhen(false)] out PollingSpec spec, out int port)
    {
        if (polling.TryGetValue((service, instance), out var found))
        {
            (spec, port) = found;
            return true;
        }

        spec = null;
        port = 0;
        return false;
    }
}
