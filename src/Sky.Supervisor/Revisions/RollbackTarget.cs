using Sky.Model;
using Sky.Store;

namespace Sky.Supervisor.Revisions;

/// <summary>
/// Which revision a rollback returns a service (or instance) to, and whether it can: the newest revision that deployed
/// it as something other than what it is now, skipping versions that were themselves rolled back (so a second rollback
/// goes further back instead of returning to the version the first one left).
/// </summary>
public static class RollbackTarget
{
    private const int HistoryLooked = 500;

    public static long? Find(string service, string? instance, DesiredState current, RevisionRepository revisions, RevisionResolver resolver)
    {
        var now = Part(current, service, instance);
        foreach (var change in revisions.ChangesTo(service, HistoryLooked))
        {
            if (change.Change == ConfigurationChanges.Removed || change.Outcome is not (RevisionOutcomes.Deployed or RevisionOutcomes.Recorded))
            {
                continue;
            }

            if (Part(resolver.StateOf(change.Revision), service, instance) is { } then && (now is null || SpecDiff.Between(now, then).Count > 0))
            {
                return change.Revision;
            }
        }

        return null;
    }

    /// <summary>The newest revision that brought the service (or instance) to what it is now: the version a rollback leaves.</summary>
    public static long? Introducing(string service, string? instance, DesiredState current, RevisionRepository revisions, RevisionResolver resolver)
    {
        if (Part(current, service, instance) is not { } now)
        {
            return null;
        }

        return revisions.ChangesTo(service, HistoryLooked)
            .Where(c => c.Change != ConfigurationChanges.Removed && c.Outcome != RevisionOutcomes.RolledBack)
            .Where(c => Part(resolver.StateOf(c.Revision), service, instance) is { } then && SpecDiff.Between(now, then).Count == 0)
            .Select(c => (long?)c.Revision)
            .FirstOrDefault();
    }

    /// <summary>Throws, saying why, when revision <paramref name="target"/> cannot be returned to.</summary>
    public static void Check(string service, string? instance, long target, ResolvedRevision current, RevisionResolver resolver)
    {
        var named = instance is null ? service : $"{service}/{instance}";
        if (target > current.Number)
        {
            throw new OperationException(OperationErrorKind.NotFound, $"there is no revision {target} (the newest is {current.Number})");
        }

        var state = resolver.StateOf(target) ?? throw new OperationException(OperationErrorKind.NotFound, $"there is no revision {target}");
        if (Part(state, service, instance) is not { } then)
        {
            throw new OperationException(OperationErrorKind.NotFound, $"revision {target} has no {(instance is null ? "service" : "instance")} {named}");
        }

        if (Part(current.State, service, instance) is { } now && SpecDiff.Between(now, then).Count == 0)
        {
            throw new OperationException(OperationErrorKind.Invalid, $"{named} is already as revision {target} has it: nothing to roll back");
        }
    }

    /// <summary>The service, or its instance, as a state has it; null when it has none.</summary>
    private static object? Part(DesiredState? state, string service, string? instance) =>
        state?.FindService(service) is not { } spec ? null
            : instance is null ? spec
            : spec.Instances.FirstOrDefault(i => i.Name == instance);
}
