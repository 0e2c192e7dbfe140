using Sky.Model;
using Sky.Store;
using Sky.Supervisor.Revisions;

namespace Sky.Supervisor;

/// <summary>
/// What an apply changes, entry by entry: added, changed (with a line per key, <see cref="SpecDiff"/>) or removed, in
/// the order of the configuration. An entry changed when anything of its resolved form differs (instances, containers,
/// checks, schedule...), so the words never miss a change the supervisor will act on. Pure.
/// </summary>
public static class ConfigurationChanges
{
    public const string Added = "added";
    public const string Changed = "changed";
    public const string Removed = "removed";

    public static IReadOnlyList<RevisionChange> Between(DesiredState before, DesiredState after)
    {
        var changes = new List<RevisionChange>();
        Compare("service", before.Services.ToDictionary(s => s.Name), after.Services.ToDictionary(s => s.Name), changes);
        Compare("job", before.Jobs.ToDictionary(j => j.Name), after.Jobs.ToDictionary(j => j.Name), changes);
        return changes;
    }

    /// <summary>As people read it: <c>changed service web</c>.</summary>
    public static string Describe(RevisionChange change) => $"{change.Change} {change.EntryKind} {change.Entry}";

    private static void Compare<T>(string kind, Dictionary<string, T> before, Dictionary<string, T> after, List<RevisionChange> changes)
    {
        foreach (var (name, entry) in after)
        {
            if (!before.TryGetValue(name, out var earlier))
            {
                changes.Add(new RevisionChange(name, kind, Added, []));
            }
            else if (SpecDiff.Between(earlier, entry) is { Count: > 0 } details)
            {
                changes.Add(new RevisionChange(name, kind, Changed, details));
            }
        }

        changes.AddRange(before.Keys.Where(name => !after.ContainsKey(name)).Select(name => new RevisionChange(name, kind, Removed, [])));
    }
}
