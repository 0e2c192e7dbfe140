using System.Text.Json;
using Sky.Model;

namespace Sky.Supervisor;

/// <summary>
/// What an apply changes, entry by entry, as people read it: <c>added service web</c>, <c>changed service web</c>,
/// <c>removed job nightly</c>. An entry changed when anything of its resolved form differs (instances, containers,
/// checks, schedule...), so the words never miss a change the supervisor will act on. Pure.
/// </summary>
public static class ConfigurationChanges
{
    public static IReadOnlyList<string> Between(DesiredState before, DesiredState after)
    {
        var changes = new List<string>();
        // Where an entry was written (its file) is no change to it.
        Compare("service", before.Services.ToDictionary(s => s.Name, s => Form(s with { Source = null })), after.Services.ToDictionary(s => s.Name, s => Form(s with { Source = null })), changes);
        Compare("job", before.Jobs.ToDictionary(j => j.Name, j => Form(j with { Source = null })), after.Jobs.ToDictionary(j => j.Name, j => Form(j with { Source = null })), changes);
        return changes;
    }

    private static void Compare(string kind, Dictionary<string, string> before, Dictionary<string, string> after, List<string> changes)
    {
        foreach (var (name, form) in after)
        {
            if (!before.TryGetValue(name, out var earlier))
            {
                changes.Add($"added {kind} {name}");
            }
            else if (earlier != form)
            {
                changes.Add($"changed {kind} {name}");
            }
        }

        changes.AddRange(before.Keys.Where(name => !after.ContainsKey(name)).Select(name => $"removed {kind} {name}"));
    }

    // The resolved entry written out whole: records of lists compare by reference, their JSON by value.
    private static string Form<T>(T entry) => JsonSerializer.Serialize(entry);
}
