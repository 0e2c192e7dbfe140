using Sky.Configuration;
using Sky.Model;
using Sky.Store;

namespace Sky.Supervisor.Revisions;

/// <summary>
/// How one source's apply, or one entry's removal, changes what a revision holds; every other source stays as it was.
/// Pure.
/// </summary>
public static class SourceMerge
{
    /// <summary>The content with <paramref name="source"/> in place of the source of that name (or added after the others).</summary>
    public static RevisionContent WithSource(RevisionContent content, RevisionSource source) =>
        content with
        {
            Sources = content.Sources.Any(s => s.Name == source.Name)
                ? content.Sources.Select(s => s.Name == source.Name ? source : s).ToList()
                : [.. content.Sources, source],
        };

    /// <summary>
    /// The content without the pins (rollbacks) of services whose definition in the sources changed from
    /// <paramref name="sourcesBefore"/> to <paramref name="sourcesAfter"/>: someone changed the service since, and that
    /// change is what they want now; a teammate re-applying the same files keeps the rollback.
    /// </summary>
    public static RevisionContent KeepPins(RevisionContent content, DesiredState sourcesBefore, DesiredState sourcesAfter) =>
        content with
        {
            Pins = content.Pins.Where(pin => Unchanged(sourcesBefore.FindService(pin.Service), sourcesAfter.FindService(pin.Service))).ToList(),
        };

    /// <summary>
    /// The content without the entry: taken out of the source that defines it (until that source is applied again),
    /// and out of every pin. Null when no source defines it.
    /// </summary>
    public static RevisionContent? WithoutEntry(RevisionContent content, string entry)
    {
        var holder = content.Sources.FirstOrDefault(s => ConfigurationLoader.EntryNames(RevisionResolver.Files(new RevisionContent([s], []))).Contains(entry));
        if (holder is null)
        {
            return null;
        }

        var sources = content.Sources.Select(s => s == holder ? s with { Removed = [.. s.Removed, entry] } : s).ToList();
        return new RevisionContent(sources, content.Pins.Where(p => p.Service != entry).ToList());
    }

    /// <summary>The content with a pin on the service (or its instance): one on the whole service replaces all earlier ones of it.</summary>
    public static RevisionContent WithPin(RevisionContent content, RevisionPin pin) =>
        content with
        {
            Pins = [.. content.Pins.Where(p => p.Service != pin.Service || (pin.Instance is not null && p.Instance != pin.Instance)), pin],
        };

    private static bool Unchanged(ServiceSpec? before, ServiceSpec? after) =>
        before is not null && after is not null && SpecDiff.Between(before, after).Count == 0;
}
