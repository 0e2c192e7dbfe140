using Sky.Contracts;
using Sky.Store;

namespace Sky.Api.Views;

/// <summary>Revisions, their sources and their changes as the API shows them.</summary>
public static class RevisionViews
{
    public static RevisionView Summary(Revision revision) => new(revision.Number, revision.CreatedAt, revision.Origin) { Kind = revision.Kind };

    public static RevisionDetailView Detail(Revision revision, IReadOnlyList<RevisionChange> changes) => new(
        revision.Number,
        revision.CreatedAt,
        revision.Origin,
        revision.Kind,
        revision.Content.Sources.Select(s => new RevisionSourceView(s.Name, s.Folder, s.Files.Select(f => new FileContent(f.Path, f.Content)).ToList(), s.Removed)).ToList(),
        revision.Content.Pins.Select(p => new RevisionPinView(p.Service, p.Instance, p.Revision)).ToList(),
        changes.Select(Change).ToList());

    public static EntryChangeView Change(RevisionChange change) => new(change.Entry, change.EntryKind, change.Change, change.Details)
    {
        Revision = change.Revision == 0 ? null : change.Revision,
        Outcome = change.Outcome,
        OutcomeMessage = change.OutcomeMessage,
    };
}
