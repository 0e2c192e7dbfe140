using Sky.Configuration;
using Sky.Model;
using Sky.Store;

namespace Sky.Supervisor;

/// <summary>
/// The desired state of the newest applied revision, resolved for this daemon's namespace. Revisions are immutable,
/// so the resolution is cached per revision number and swapped whole when a newer one appears.
/// </summary>
public sealed class DesiredStateSource(RevisionRepository revisions, Naming naming)
{
    private volatile ResolvedRevision? current;

    /// <summary>The newest revision and what it asks for; revision 0 and an empty state before anything is applied.</summary>
    public ResolvedRevision Current()
    {
        var latest = revisions.Latest();
        if (latest is null)
        {
            return new ResolvedRevision(0, DesiredState.Empty);
        }

        var cached = current;
        if (cached is not null && cached.Number == latest.Number)
        {
            return cached;
        }

        var resolved = new ResolvedRevision(latest.Number, Resolve(latest));
        current = resolved;
        return resolved;
    }

    /// <summary>Parses configuration files into a desired state, or throws with every error.</summary>
    public DesiredState Resolve(IReadOnlyList<ConfigurationFile> files)
    {
        var result = ConfigurationLoader.Load(files, naming);
        if (!result.IsValid || result.State is null)
        {
            throw new OperationException(
                OperationErrorKind.Invalid,
                $"the configuration has {result.Errors.Count} error(s)",
                result.Errors.Select(e => e.ToString()).ToList());
        }

        return result.State;
    }

    private DesiredState Resolve(Revision revision) =>
        Resolve(revision.Files.Select(f => new ConfigurationFile(f.Path, f.Content)).ToList());
}
