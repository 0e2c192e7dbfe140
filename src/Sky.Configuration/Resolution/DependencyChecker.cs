using Sky.Configuration.Keys;
using Sky.Configuration.Reading;
using Sky.Configuration.Values;

namespace Sky.Configuration.Resolution;

/// <summary>Checks every <c>requires</c>: the names exist, name services rather than jobs, and form no cycle.</summary>
internal sealed class DependencyChecker(IReadOnlyList<Entry> entries, IReadOnlyDictionary<string, Entry> byName, ErrorList errors)
{
    private readonly HashSet<string> reportedCycles = new(StringComparer.Ordinal);

    public void Check()
    {
        foreach (var entry in entries)
        {
            CheckNames(entry, entry.Config.Get(ConfigurationKeys.Requires));
            foreach (var instance in entry.Instances)
            {
                CheckNames(entry, instance.Config.Get(ConfigurationKeys.Requires));
            }
        }

        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the stack, true: done
        foreach (var entry in entries.Where(e => !e.IsJob))
        {
            Visit(entry, state, []);
        }

        foreach (var entry in entries.Where(e => !e.IsJob))
        {
            foreach (var instance in entry.Instances)
            {
                CheckInstanceCycles(entry, instance);
            }
        }
    }

    /// <summary>The names a service (its top level, as copies are built from it) requires that can be followed.</summary>
    public static IEnumerable<Located<string>> Edges(Entry entry, IReadOnlyDictionary<string, Entry> byName) =>
        (entry.Config.Get(ConfigurationKeys.Requires) ?? []).Where(r => byName.TryGetValue(r.Value, out var target) && !target.IsJob);

    private void CheckNames(Entry entry, IReadOnlyList<Located<string>>? requires)
    {
        foreach (var required in requires ?? [])
        {
            if (!byName.TryGetValue(required.Value, out var target))
            {
                var services = byName.Values.Where(e => !e.IsJob).Select(e => e.Name);
                errors.Add(entry.File, required.Node, required.Path, $"unknown dependency '{required.Value}'{Suggestions.Hint(required.Value, services)}");
            }
            else if (target.IsJob)
            {
                errors.Add(entry.File, required.Node, required.Path, $"'{required.Value}' is a recurrent job and cannot be required");
            }
        }
    }

    /// <summary>Depth-first search; an edge back to a name on the stack closes a cycle, reported at that edge.</summary>
    private void Visit(Entry entry, Dictionary<string, bool> state, List<string> stack)
    {
        if (state.ContainsKey(entry.Name))
        {
            return;
        }

        state[entry.Name] = false;
        stack.Add(entry.Name);
        foreach (var edge in Edges(entry, byName))
        {
            if (!state.TryGetValue(edge.Value, out var done))
            {
                Visit(byName[edge.Value], state, stack);
            }
            else if (!done)
            {
                var cycle = stack.Skip(stack.IndexOf(edge.Value)).Append(edge.Value).ToList();
                ReportCycle(entry.File, edge, cycle);
            }
        }

        stack.RemoveAt(stack.Count - 1);
        state[entry.Name] = true;
    }

    /// <summary>An instance's own <c>requires</c> closes a cycle when it leads back to its service.</summary>
    private void CheckInstanceCycles(Entry service, InstanceEntry instance)
    {
        foreach (var edge in instance.Config.Get(ConfigurationKeys.Requires) ?? [])
        {
            if (!byName.TryGetValue(edge.Value, out var target) || target.IsJob)
            {
                continue;
            }

            if (PathTo(target, service.Name) is { } path)
            {
                ReportCycle(service.File, edge, [service.Name, .. path]);
            }
        }
    }

    /// <summary>Names from <paramref name="from"/> to <paramref name="goal"/> along top-level requires, both included.</summary>
    private List<string>? PathTo(Entry from, string goal)
    {
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal) { [from.Name] = null };
        var queue = new Queue<Entry>([from]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current.Name == goal)
            {
                var path = new List<string>();
                for (var name = goal; name is not null; name = parents[name])
                {
                    path.Insert(0, name);
                }

                return path;
            }

            foreach (var edge in Edges(current, byName))
            {
                if (parents.TryAdd(edge.Value, current.Name))
                {
                    queue.Enqueue(byName[edge.Value]);
                }
            }
        }

        return null;
    }

    private void ReportCycle(string file, Located<string> edge, List<string> cycle)
    {
        // The same cycle is found from each of its members; say it once.
        var key = string.Join(',', cycle.Skip(1).Order(StringComparer.Ordinal));
        if (reportedCycles.Add(key))
        {
            errors.Add(file, edge.Node, edge.Path, $"requires cycle: {string.Join(" -> ", cycle)}");
        }
    }
}
