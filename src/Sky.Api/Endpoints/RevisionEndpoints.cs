using Sky.Api.Views;
using Sky.Contracts;
using Sky.Model;
using Sky.Store;
using Sky.Supervisor;
using Sky.Supervisor.Revisions;

namespace Sky.Api.Endpoints;

/// <summary>Revisions and what they changed; a service's history, its rollback and its removal from its source.</summary>
public static class RevisionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/revisions", (RevisionRepository revisions, int? limit) =>
            SkyResults.Json(revisions.List(limit ?? 20).Select(RevisionViews.Summary).ToList()))
            .WithName("ListRevisions")
            .Produces<List<RevisionView>>();

        api.MapGet("/revisions/{number:long}", (long number, RevisionRepository revisions) =>
        {
            var revision = revisions.Get(number) ?? throw NoRevision(number);
            return SkyResults.Json(RevisionViews.Detail(revision, revisions.ChangesOf(number)));
        })
            .WithName("GetRevision")
            .WithDescription("One revision whole: every source with its files, the pins rollbacks left, and what it changed.")
            .Produces<RevisionDetailView>()
            .ProducesErrors(StatusCodes.Status404NotFound);

        api.MapGet("/revisions/{from:long}/diff/{to:long}", (long from, long to, RevisionResolver resolver) =>
        {
            var before = from == 0 ? DesiredState.Empty : resolver.StateOf(from) ?? throw NoRevision(from);
            var after = to == 0 ? DesiredState.Empty : resolver.StateOf(to) ?? throw NoRevision(to);
            var changes = ConfigurationChanges.Between(before, after).Select(RevisionViews.Change).ToList();
            return SkyResults.Json(new RevisionDiffView(from, to, changes));
        })
            .WithName("DiffRevisions")
            .WithDescription("How the desired state of revision TO differs from that of FROM (0: nothing applied), entry by entry and key by key.")
            .Produces<RevisionDiffView>()
            .ProducesErrors(StatusCodes.Status404NotFound);

        api.MapGet("/services/{name}/history", (string name, int? limit, RevisionRepository revisions, DesiredStateSource desired) =>
        {
            var rows = revisions.ChangesTo(name, limit ?? 50)
                .Select(change => (change, revision: revisions.Get(change.Revision)!))
                .Select(r => new ServiceHistoryEntryView(r.revision.Number, r.revision.CreatedAt, r.revision.Origin, r.revision.Kind, RevisionViews.Change(r.change)))
                .ToList();
            if (rows.Count == 0 && desired.Current().State.FindService(name) is null && desired.Current().State.FindJob(name) is null)
            {
                throw new OperationException(OperationErrorKind.NotFound, $"no revision changed '{name}' and the configuration has no such service or job");
            }

            return SkyResults.Json(new ServiceHistoryView(name, desired.Current().Number, rows));
        })
            .WithName("GetServiceHistory")
            .WithDescription("The revisions that changed a service or job, newest first: what changed and how it went (deployed, failed, rolled back, recorded).")
            .Produces<ServiceHistoryView>()
            .ProducesErrors(StatusCodes.Status404NotFound);

        api.MapPost("/services/{name}/rollback", async (string name, string? instance, long? to, HttpContext context, ConfigurationOperations configuration) =>
            await new NdjsonOperationStream().RunAsync(context, async reporter =>
                (true, await configuration.RollbackAsync(name, string.IsNullOrEmpty(instance) ? null : instance, to, RevisionKinds.Rollback, reporter, CancellationToken.None))))
            .WithName("RollbackService")
            .WithDescription("Returns the service (or ?instance=) to its whole spec at revision ?to= (default: the last one that deployed it as something else), as a new revision. A plan, progress, then a result as NDJSON lines.")
            .ProducesLines<StreamMessage>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/services/{name}/remove", async (string name, HttpContext context, ConfigurationOperations configuration) =>
            await new NdjsonOperationStream().RunAsync(context, async reporter =>
                (true, await configuration.RemoveAsync(name, reporter, CancellationToken.None))))
            .WithName("RemoveService")
            .WithDescription("Takes a service or job out of the source that defines it (until that source is applied again) and removes its containers, as a new revision. A plan, progress, then a result as NDJSON lines.")
            .ProducesLines<StreamMessage>()
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status503ServiceUnavailable);
    }

    private static OperationException NoRevision(long number) => new(OperationErrorKind.NotFound, $"there is no revision {number}");
}
