using Sky.Configuration;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Model;
using Sky.Store;

namespace Sky.Supervisor;

/// <summary>
/// The desired state of the newest applied revision, resolved for this daemon's namespace and held in memory: read from
/// the store once when the daemon starts, then swapped whole (and published on the state feed) by each apply. Nobody
/// polls the store for a newer revision; subscribers of the feed hear of it.
/// </summary>
public sealed class DesiredStateSource(RevisionRepository revisions, Naming naming, StateFeed feed)
{
    private readonly Lock gate = new();
    private volatile ResolvedRevision? current;

    /// <summary>The newest revision and what it asks for; revision 0 and an empty state before anything is applied.</summary>
    public ResolvedRevision Current() => current ?? Load();

    /// <summary>Makes a revision just stored the current one and tells the feed.</summary>
    public void Applied(long number, DesiredState state, string source)
    {
        lock (gate)
        {
            current = new ResolvedRevision(number, state);
            feed.Publish(new DesiredStateChanged(number, state, source));
        }
    }

    /// <summary>Parses configuration files into a desired state, or throws with every error.</summary>
    public DesiredState Resolve(IReadOnlyList<ConfigurationFile> files) => Check(files).State!;

    /// <summary>Parses configuration files into a result with a state (and the warnings that came with it), or throws with every error.</summary>
    public ConfigurationResult Check(IReadOnlyList<ConfigurationFile> files)
    {
        var result = ConfigurationLoader.Load(files, naming);
        if (!result.IsValid || result.State is null)
        {
            throw new OperationException(
                OperationErrorKind.Invalid,
                $"the configuration has {result.Errors.Count} error(s)",
                result.Errors.Select(e => e.ToString()).ToList());
        }

        return result;
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
                ? new ResolvedRevision(0, DesiredState.Empty)
                : new ResolvedRevision(latest.Number, Resolve(latest.Files.Select(f => new ConfigurationFile(f.Path, f.Content) { BaseDirectory = ConfigurationFiles.FolderOf(latest.Source) }).ToList()));
            current = resolved;
            if (latest is not null)
            {
                feed.Publish(new DesiredStateChanged(latest.Number, resolved.State, latest.Source));
            }

            return resolved;
        }
    }
}
