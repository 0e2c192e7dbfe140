using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Model;
using Sky.Store;
using Sky.Supervisor.Revisions;

namespace Sky.Supervisor;

/// <summary>
/// The desired state of the newest applied revision, resolved for this daemon's namespace and held in memory: read from
/// the store once when the daemon starts, then swapped whole (and published on the state feed) by each apply. Nobody
/// polls the store for a newer revision; subscribers of the feed hear of it.
/// </summary>
public sealed class DesiredStateSource(RevisionRepository revisions, RevisionResolver resolver, StateFeed feed)
{
    private readonly Lock gate = new();
    private volatile ResolvedRevision? current;

    /// <summary>The newest revision and what it asks for; revision 0 and an empty state before anything is applied.</summary>
    public ResolvedRevision Current() => current ?? Load();

    /// <summary>Makes a revision just stored the current one and tells the feed.</summary>
    public void Applied(long number, DesiredState state, RevisionContent content, string origin)
    {
        lock (gate)
        {
            current = new ResolvedRevision(number, state, content);
            feed.Publish(new DesiredStateChanged(number, state, origin));
        }
    }

    /// <summary>
    /// The spec a running container was made from: <paramref name="wanted"/> when its configuration hash is the wanted
    /// one, else that of the revision its label names. A rollout in progress (or one that stopped) leaves containers of
    /// an earlier spec running; they are checked by their own checks, not by the new ones. Null when that revision
    /// cannot be read or no longer holds the container.
    /// </summary>
    public ContainerSpec? MadeFrom(ContainerSpec wanted, ObservedContainer container)
    {
        if (container.ConfigHash == wanted.ConfigHash)
        {
            return wanted;
        }

        if (!long.TryParse(container.Labels.GetValueOrDefault(SkyLabels.Revision), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision))
        {
            return null;
        }

        return resolver.StateOf(revision)?.Services
            .SelectMany(s => s.Instances)
            .SelectMany(i => i.Containers)
            .FirstOrDefault(c => c.Name == wanted.Name && c.ConfigHash == container.ConfigHash);
    }

    /// <summary>The first read: the newest stored revision, published so the feed's snapshot holds it too.</summary>
    private ResolvedRevision Load()
    {
        lock (gate)
        {
            if (current is { } loaded)
            {
                return loaded;
            }

            var latest = revisions.Latest();
            var resolved = latest is null
                ? new ResolvedRevision(0, DesiredState.Empty, RevisionContent.Empty)
                : new ResolvedRevision(latest.Number, resolver.Resolve(latest.Content), latest.Content);
            current = resolved;
            if (latest is not null)
            {
                feed.Publish(new DesiredStateChanged(latest.Number, resolved.State, latest.Origin));
            }

            return resolved;
        }
    }
}
