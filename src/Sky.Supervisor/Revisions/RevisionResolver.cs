using System.Collections.Concurrent;
using Sky.Configuration;
using Sky.Model;
using Sky.Store;

namespace Sky.Supervisor.Revisions;

/// <summary>
/// Turns what a revision holds (sources and pins) into the desired state it stands for: every source's files loaded
/// together (an entry two sources define is an error naming both), then each pin's service or instance put back as
/// the earlier revision it names had it. Revisions never change, so what an earlier one resolves to is kept.
/// </summary>
public sealed class RevisionResolver(Naming naming, RevisionRepository revisions)
{
    private readonly ConcurrentDictionary<long, DesiredState> earlier = new();

    /// <summary>The sources alone, pins left out: what the files say.</summary>
    public ConfigurationResult LoadSources(RevisionContent content) => ConfigurationLoader.Load(Files(content), naming);

    /// <summary>The whole state, or throws with every error.</summary>
    public DesiredState Resolve(RevisionContent content) => Pin(Valid(LoadSources(content)), content.Pins);

    /// <summary>The state of a stored revision; null when there is no such revision.</summary>
    public DesiredState? StateOf(long number)
    {
        if (earlier.TryGetValue(number, out var known))
        {
            return known;
        }

        if (revisions.Get(number) is not { } revision)
        {
            return null;
        }

        var state = Resolve(revision.Content);
        earlier.TryAdd(number, state);
        return state;
    }

    /// <summary>The state with each pinned service (or instance) as its pin's revision had it; a pin on something that revision lacks changes nothing.</summary>
    public DesiredState Pin(DesiredState state, IReadOnlyList<RevisionPin> pins)
    {
        foreach (var pin in pins)
        {
            if (StateOf(pin.Revision)?.FindService(pin.Service) is not { } then)
            {
                continue;
            }

            var now = state.FindService(pin.Service);
            var pinned = pin.Instance is null || now is null ? then : WithInstance(now, then, pin.Instance);
            state = state with
            {
                Services = now is null ? [.. state.Services, pinned] : state.Services.Select(s => s.Name == pin.Service ? pinned : s).ToList(),
            };
        }

        return state;
    }

    /// <summary>Every source's files, each knowing its source, its folder and what was removed from it.</summary>
    public static IReadOnlyList<ConfigurationFile> Files(RevisionContent content) =>
        content.Sources.SelectMany(source =>
        {
            var omitted = source.Removed.ToHashSet(StringComparer.Ordinal);
            var folder = source.Folder ?? ConfigurationFiles.FolderOf(source.Name);
            return source.Files.Select(f => new ConfigurationFile(f.Path, f.Content) { BaseDirectory = folder, Source = source.Name, Omitted = omitted });
        }).ToList();

    /// <summary>The state of a result, or an <see cref="OperationException"/> with every error.</summary>
    public static DesiredState Valid(ConfigurationResult result) =>
        result is { IsValid: true, State: { } state }
            ? state
            : throw new OperationException(
                OperationErrorKind.Invalid,
                $"the configuration has {result.Errors.Count} error(s)",
                result.Errors.Select(e => e.ToString()).ToList());

    private static ServiceSpec WithInstance(ServiceSpec now, ServiceSpec then, string instance)
    {
        if (then.Instances.FirstOrDefault(i => i.Name == instance) is not { } old)
        {
            return now;
        }

        var instances = now.Instances.Any(i => i.Name == instance)
            ? now.Instances.Select(i => i.Name == instance ? old : i).ToList()
            : [.. now.Instances, old];
        return now with { Instances = instances };
    }
}
