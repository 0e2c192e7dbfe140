using Sky.Model;
using Sky.Planning;
using Sky.Store;
using Sky.Supervisor.Rollouts;
using Sky.Supervisor.Supervision;

namespace Sky.Supervisor.Revisions;

/// <summary>
/// What changes the desired state, each as a new revision stored whole and then converged to under the operations'
/// lock: a source applied (only its own entries added, changed or removed), an entry removed, a service rolled back.
/// Nothing is stored when the result would not load: a configuration with an error starts nothing.
/// </summary>
public sealed class ConfigurationOperations(
    ServiceOperations operations,
    DesiredStateSource desired,
    RevisionResolver resolver,
    RevisionRepository revisions,
    EventLog events,
    RolloutGuard rollouts)
{
    /// <summary>What applying <paramref name="source"/> would change and do; changes nothing.</summary>
    public async Task<ApplyPreview> PreviewAsync(RevisionSource source, CancellationToken cancellationToken)
    {
        var current = desired.Current();
        var (_, state, warnings) = Merge(current, source);
        return new ApplyPreview(ConfigurationChanges.Between(current.State, state), await operations.PlanConvergeAsync(state, cancellationToken), warnings);
    }

    /// <summary>Stores a revision with <paramref name="source"/> in place of its earlier files, then converges; returns its number.</summary>
    public Task<long> ApplyAsync(RevisionSource source, IOperationReporter reporter, CancellationToken cancellationToken) =>
        operations.ExclusiveAsync(async () =>
        {
            var current = desired.Current();
            var (content, state, warnings) = Merge(current, source);
            foreach (var warning in warnings)
            {
                reporter.Warning(warning);
            }

            var (number, failures) = await StoreAndConvergeAsync(current, content, state, source.Name, RevisionKinds.Apply, $"applied revision {{0}} from {source.Name}", reporter, cancellationToken);
            _ = rollouts.Follow(number, Changed(current.State, state), failures, AutoRollbackAsync);
            return number;
        }, cancellationToken);

    /// <summary>Takes a service or job out of the source that defines it (its containers go), as a new revision.</summary>
    public Task<long> RemoveAsync(string entry, IOperationReporter reporter, CancellationToken cancellationToken) =>
        operations.ExclusiveAsync(async () =>
        {
            var current = desired.Current();
            var content = SourceMerge.WithoutEntry(current.Content, entry)
                ?? throw new OperationException(OperationErrorKind.NotFound, $"no source defines '{entry}' (sky service list shows what the configuration holds)");
            var state = resolver.Resolve(content);
            var origin = $"sky service rm {entry}";
            return (await StoreAndConvergeAsync(current, content, state, origin, RevisionKinds.Remove, $"revision {{0}}: removed {entry}", reporter, cancellationToken)).Number;
        }, cancellationToken);

    /// <summary>
    /// Returns a service (or one instance) to its whole spec at revision <paramref name="to"/> (by default the last
    /// revision before the current spec that deployed it), as a new revision that holds it there until its source
    /// changes it.
    /// </summary>
    public Task<long> RollbackAsync(string service, string? instance, long? to, string kind, IOperationReporter reporter, CancellationToken cancellationToken) =>
        operations.ExclusiveAsync(async () =>
        {
            var current = desired.Current();
            var target = to ?? RollbackTarget.Find(service, instance, current.State, revisions, resolver)
                ?? throw new OperationException(OperationErrorKind.NotFound, $"no earlier revision deployed {Named(service, instance)} as something else; name one with --to (sky service history {service})");
            return await RollbackToAsync(current, service, instance, target, kind, reporter, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Finishes what a daemon cut short (killed in the middle of a rollout): a container left under its retiring name
    /// takes its name back if nothing holds it (else it is a stray the plan removes), then, if containers of instances
    /// wanted running still run an earlier spec, the rollout of the current revision is carried out again and followed
    /// as an apply's is (automatic rollback included). Returns the instances it rolled out.
    /// </summary>
    public Task<IReadOnlyList<InstanceSpec>> ResumeAsync(CancellationToken cancellationToken) =>
        operations.ExclusiveAsync<IReadOnlyList<InstanceSpec>>(async () =>
        {
            await operations.ReclaimRetiringNamesAsync(cancellationToken);
            var current = desired.Current();
            var plan = await operations.PlanConvergeAsync(current.State, cancellationToken);
            var unfinished = plan.Steps
                .Where(s => s.Action is PlanAction.Roll or PlanAction.Replace or PlanAction.Remove && s.Existing is not null)
                .Select(s => s.Existing!.Labels)
                .Select(l => (l.GetValueOrDefault(SkyLabels.Service), l.GetValueOrDefault(SkyLabels.Instance)))
                .ToHashSet();
            var instances = operations.InstancesWantedRunning(current.State).Where(i => unfinished.Contains((i.Service, i.Name))).ToList();
            if (current.Number == 0 || unfinished.Count == 0)
            {
                return [];
            }

            events.Append("resume", null, null, $"finishing revision {current.Number}, which the daemon left unfinished: {string.Join(", ", unfinished.Select(u => $"{u.Item1}/{u.Item2}"))}");
            var failures = await operations.ConvergeAsync(current.State, current.Number, "resume", SilentReporter.Instance, cancellationToken);
            _ = rollouts.Follow(current.Number, instances, failures, AutoRollbackAsync);
            return instances;
        }, cancellationToken);

    /// <summary>
    /// What a failed rollout does when <c>deploy.auto-rollback</c> is on: the instance back to the last revision that
    /// deployed it as something else, unless a later apply changed it meanwhile (that one is what people want now).
    /// </summary>
    private Task<(long? Revision, string? Refusal)> AutoRollbackAsync(RolloutFailure failure) =>
        operations.ExclusiveAsync<(long?, string?)>(async () =>
        {
            var (service, instance) = (failure.Instance.Service, failure.Instance.Name);
            var current = desired.Current();
            var now = current.State.FindService(service)?.Instances.FirstOrDefault(i => i.Name == instance);
            if (now is null || SpecDiff.Between(now, failure.Instance).Count > 0)
            {
                return (null, $"revision {current.Number} changed it since");
            }

            if (RollbackTarget.Find(service, instance, current.State, revisions, resolver) is not long target)
            {
                return (null, "no earlier revision deployed it");
            }

            return (await RollbackToAsync(current, service, instance, target, RevisionKinds.AutoRollback, SilentReporter.Instance, CancellationToken.None), null);
        }, CancellationToken.None);

    private async Task<long> RollbackToAsync(ResolvedRevision current, string service, string? instance, long target, string kind, IOperationReporter reporter, CancellationToken cancellationToken)
    {
        RollbackTarget.Check(service, instance, target, current, resolver);
        var content = SourceMerge.WithPin(current.Content, new RevisionPin(service, instance, target));
        var state = resolver.Resolve(content);
        var origin = $"{(kind == RevisionKinds.AutoRollback ? "automatic " : string.Empty)}rollback of {Named(service, instance)} to revision {target}";
        var left = RollbackTarget.Introducing(service, instance, current.State, revisions, resolver);
        var (number, _) = await StoreAndConvergeAsync(current, content, state, origin, kind, $"revision {{0}}: {origin}", reporter, cancellationToken);
        if (left is long version)
        {
            revisions.SetOutcome(version, service, RevisionOutcomes.RolledBack, $"rolled back to revision {target} by revision {number}");
        }

        return number;
    }

    /// <summary>The instances people want running whose spec <paramref name="after"/> changes (or adds): what a rollout must verify.</summary>
    private List<InstanceSpec> Changed(DesiredState before, DesiredState after) =>
        operations.InstancesWantedRunning(after)
            .Where(i => before.FindService(i.Service)?.Instances.FirstOrDefault(b => b.Name == i.Name) is not { } earlier || SpecDiff.Between(earlier, i).Count > 0)
            .ToList();

    private (RevisionContent Content, DesiredState State, IReadOnlyList<string> Warnings) Merge(ResolvedRevision current, RevisionSource source)
    {
        var sourcesBefore = resolver.LoadSources(current.Content).State ?? DesiredState.Empty;
        var merged = SourceMerge.WithSource(current.Content, source);
        var loaded = resolver.LoadSources(merged);
        var sourcesAfter = RevisionResolver.Valid(loaded);
        var content = SourceMerge.KeepPins(merged, sourcesBefore, sourcesAfter);
        return (content, resolver.Pin(sourcesAfter, content.Pins), loaded.Warnings.Select(w => w.ToString()).ToList());
    }

    /// <summary>Stores the revision, converges to it, records each service's outcome; returns its number and, per service, why a step of it failed.</summary>
    private async Task<(long Number, IReadOnlyDictionary<string, string> Failures)> StoreAndConvergeAsync(ResolvedRevision current, RevisionContent content, DesiredState state, string origin, string kind, string eventFormat, IOperationReporter reporter, CancellationToken cancellationToken)
    {
        var changes = ConfigurationChanges.Between(current.State, state);
        var number = revisions.Add(origin, kind, content, changes);
        desired.Applied(number, state, content, origin);
        foreach (var change in changes)
        {
            reporter.Changed(ConfigurationChanges.Describe(change));
        }

        events.Append(kind, null, null, string.Format(System.Globalization.CultureInfo.InvariantCulture, eventFormat, number));
        var failures = await operations.ConvergeAsync(state, number, kind, reporter, cancellationToken);
        var running = operations.ServicesWantedRunning(state);
        foreach (var change in changes.Where(c => c.EntryKind == "service" && c.Change != ConfigurationChanges.Removed))
        {
            var (outcome, message) = failures.TryGetValue(change.Entry, out var why) ? (RevisionOutcomes.Failed, why)
                : running.Contains(change.Entry) ? (RevisionOutcomes.Deployed, (string?)null)
                : (RevisionOutcomes.Recorded, null);
            revisions.SetOutcome(number, change.Entry, outcome, message);
        }

        return (number, failures);
    }

    private static string Named(string service, string? instance) => instance is null ? service : $"{service}/{instance}";
}
