using Sky.Configuration;
using Sky.Model;
using Sky.Planning;
using Sky.Runtime;
using Sky.Store;
using Sky.Supervisor.Supervision;

namespace Sky.Supervisor;

/// <summary>
/// What people ask of services: apply a configuration, start, stop, restart, look. Each mutation observes the engine,
/// plans, and executes under one lock, so two requests never plan against the same stale picture (no duplicates).
/// </summary>
public sealed class ServiceOperations(
    IContainerRuntime runtime,
    Naming naming,
    DesiredStateSource desired,
    ServiceIntentRepository intents,
    EventLog events,
    PlanExecutor executor,
    ImageSource? imageSource = null) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ImageCheck images = new(imageSource ?? new ImageSource(runtime));
    private readonly List<Action<IReadOnlyList<InstanceSpec>>> startListeners = [];

    /// <summary>
    /// Called when someone starts or restarts instances (before their containers are touched), so the supervisor can
    /// forget a crash loop: a person acting on a service is the "someone acts" that lifts it.
    /// </summary>
    public void OnInstancesStarted(Action<IReadOnlyList<InstanceSpec>> listener)
    {
        lock (startListeners)
        {
            startListeners.Add(listener);
        }
    }

    /// <summary>
    /// The supervisor's way to heal an instance, under the same lock as every other mutation (so never a duplicate):
    /// if the instance is still wanted running and <paramref name="stillNeeded"/> still holds (checked under the lock,
    /// since an operation may have fixed things meanwhile), removes the containers of <paramref name="replaceIds"/>,
    /// then plans a start of the containers being healed (<paramref name="healing"/>, and of those only the ones that do
    /// not run: a container of an earlier spec that runs is a rollout's to replace, not a heal's) and carries it out. When an
    /// unhealthy container to replace is gone already (a rollout's failed batch removed it), there is nothing to heal:
    /// the next pass judges whatever holds its name now. When a container it would create has no
    /// image on the engine, or a name another daemon's container holds, it touches nothing and says which
    /// (<see cref="ConvergeResult.CannotStart"/>): trying again cannot help until someone builds or loads the image, or
    /// frees the name.
    /// </summary>
    public async Task<(ConvergeResult Result, IReadOnlyList<StartBlocker> Blockers)> ConvergeAsync(InstanceSpec instance, IReadOnlyList<ContainerSpec> healing, IReadOnlyCollection<string> replaceIds, string reason, Func<bool> stillNeeded, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var wanted = intents.All().Any(i => i.Running && i.Service == instance.Service && i.Instance == instance.Name);
            if (!wanted || !stillNeeded())
            {
                return (ConvergeResult.NotNeeded, []);
            }

            var observed = await ObserveAsync(cancellationToken);
            if (replaceIds.Any(id => observed.All(o => o.Id != id)))
            {
                return (ConvergeResult.NotNeeded, []);
            }

            // A container that runs (and is not the unhealthy one to replace) needs no healing, whatever the pass saw when
            // it asked: a rollout may have put it back meanwhile, and replacing it with a newer spec is the rollout's call.
            var running = observed.Where(o => o.IsRunning && !replaceIds.Contains(o.Id)).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
            var names = healing.Select(c => c.Name).Where(n => !running.Contains(n)).ToHashSet(StringComparer.Ordinal);
            if (names.Count == 0)
            {
                return (ConvergeResult.NotNeeded, []);
            }

            // The running dependencies of what is healed are in the plan too, left as they run, so the healed containers
            // still wait for their health.
            var dependencies = Dependencies(instance, names);
            instance = instance with { Containers = [.. instance.Containers.Where(c => names.Contains(c.Name) || dependencies.Contains(c.Name))] };

            // Planned as if the containers to replace were gone already, so their images are checked before they go.
            var intended = LeaveRunning(Planner.Start([instance], observed.Where(o => !replaceIds.Contains(o.Id)).ToList()), dependencies);
            var missing = await images.MissingAsync(ImageCheck.Created(intended), cancellationToken);
            var blockers = missing.Select(StartBlocker.From).Concat(await HeldByOtherDaemonsAsync(intended, cancellationToken)).ToList();
            if (blockers.Count > 0)
            {
                return (ConvergeResult.CannotStart, blockers);
            }

            foreach (var id in replaceIds)
            {
                await runtime.RemoveContainerAsync(id, force: true, cancellationToken);
            }

            var plan = LeaveRunning(Planner.Start([instance], await ObserveAsync(cancellationToken)), dependencies);
            if (plan.IsEmpty && replaceIds.Count == 0)
            {
                return (ConvergeResult.NotNeeded, []);
            }

            events.Append("heal", instance.Service, instance.Name, reason);
            var ok = await ExecuteAsync(plan, desired.Current().Number, "heal", SilentReporter.Instance, cancellationToken);
            return (ok ? ConvergeResult.Done : ConvergeResult.Failed, []);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The containers of the instance that those named depend on, however indirectly, and that are not named.</summary>
    private static HashSet<string> Dependencies(InstanceSpec instance, HashSet<string> names)
    {
        var byName = instance.Containers.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(names);
        while (pending.TryPop(out var name))
        {
            foreach (var dependency in byName.TryGetValue(name, out var spec) ? spec.DependsOn : [])
            {
                if (!names.Contains(dependency) && found.Add(dependency))
                {
                    pending.Push(dependency);
                }
            }
        }

        return found;
    }

    /// <summary>The plan with the steps of <paramref name="running"/> containers that still run made no-ops: a heal only waits on them.</summary>
    private static Plan LeaveRunning(Plan plan, HashSet<string> running) =>
        new([.. plan.Steps.Select(s => running.Contains(s.Target) && s.Existing is { IsRunning: true } && s.ChangesSomething
            ? s with { Action = PlanAction.AlreadyRunning, Reason = "runs; the healed containers wait for it" }
            : s)]);

    /// <summary>
    /// Runs <paramref name="work"/> under the lock every mutation takes, so what it plans against stays true while it
    /// acts (an apply, a removal or a rollback stores a revision and converges inside it).
    /// </summary>
    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// What converging to <paramref name="state"/> would do: start (or replace) the containers of the instances people
    /// want running, and remove the containers no entry wants any more. Changes nothing.
    /// </summary>
    public async Task<Plan> PlanConvergeAsync(DesiredState state, CancellationToken cancellationToken)
    {
        var observed = await ObserveAsync(cancellationToken);
        var start = Planner.Rollout(WantedRunning(state), observed);
        var orphans = Planner.RemoveOrphans(state.Services.SelectMany(s => s.Instances).SelectMany(i => i.Containers).ToList(), observed);
        return start.Then(orphans);
    }

    /// <summary>
    /// Converges what runs to a revision just stored: call it inside <see cref="ExclusiveAsync{T}"/>. Every image the
    /// state names that is neither on the engine nor in the registry is a warning first (the revision stands: the image
    /// may be built or pushed before anyone starts the service). Returns, per service, why a container of it failed.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ConvergeAsync(DesiredState state, long revision, string operation, IOperationReporter reporter, CancellationToken cancellationToken)
    {
        foreach (var warning in await images.WarningsAsync(ImageCheck.Named(state), cancellationToken))
        {
            reporter.Warning(warning);
        }

        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        await ExecuteAsync(await PlanConvergeAsync(state, cancellationToken), revision, operation, reporter, cancellationToken, failures);
        return failures;
    }

    /// <summary>
    /// Call inside <see cref="ExclusiveAsync{T}"/> when the daemon starts: a container a start-first rollout had renamed
    /// to retire, left so by a daemon cut short, takes its name back when no container holds it (it still serves; the
    /// resumed rollout replaces it properly). One whose name is held is a stray copy that the next plan removes.
    /// </summary>
    public async Task ReclaimRetiringNamesAsync(CancellationToken cancellationToken)
    {
        var observed = await ObserveAsync(cancellationToken);
        var names = observed.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var retiring in observed.Where(o => o.Name.EndsWith(Sky.Model.Deploys.RetiringNames.Suffix, StringComparison.Ordinal)))
        {
            var name = retiring.Name[..^Sky.Model.Deploys.RetiringNames.Suffix.Length];
            if (names.Add(name))
            {
                await runtime.RenameContainerAsync(retiring.Id, name, cancellationToken);
                events.Append("resume", retiring.Service, retiring.Instance, $"{retiring.Name} takes its name {name} back: the rollout that renamed it was cut short");
            }
        }
    }

    /// <summary>The services with an instance people want running in <paramref name="state"/>.</summary>
    public IReadOnlySet<string> ServicesWantedRunning(DesiredState state) => WantedRunning(state).Select(i => i.Service).ToHashSet(StringComparer.Ordinal);

    /// <summary>The instances of <paramref name="state"/> people want running.</summary>
    public IReadOnlyList<InstanceSpec> InstancesWantedRunning(DesiredState state) => WantedRunning(state);

    public Task<bool> StartAsync(ServiceSelector selector, IOperationReporter reporter, CancellationToken cancellationToken) =>
        WithIntentAsync(selector, running: true, async (revision, instances) =>
            await ExecuteAsync(Planner.Rollout(instances, await ObserveAsync(cancellationToken)), revision, "start", reporter, cancellationToken), cancellationToken);

    public Task<bool> StopAsync(ServiceSelector selector, IOperationReporter reporter, CancellationToken cancellationToken) =>
        WithIntentAsync(selector, running: false, async (revision, instances) =>
            await ExecuteAsync(Planner.Stop(instances, await ObserveAsync(cancellationToken)), revision, "stop", reporter, cancellationToken), cancellationToken);

    /// <summary>
    /// Makes every container fresh and built from the newest revision: those that run are replaced in a rolling update
    /// under the instance's <c>deploy:</c> settings (start-first by default, so a restart never empties the router's
    /// pool), the others started.
    /// </summary>
    public Task<bool> RestartAsync(ServiceSelector selector, IOperationReporter reporter, CancellationToken cancellationToken) =>
        WithIntentAsync(selector, running: true, async (revision, instances) =>
            await ExecuteAsync(Planner.Restart(instances, await ObserveAsync(cancellationToken)), revision, "restart", reporter, cancellationToken), cancellationToken);

    /// <summary>
    /// Under the lock: resolves the selector, records whether people want its instances running (the supervisor heals
    /// only what is wanted), then acts on them. A start whose containers cannot all be created (an image is not on the
    /// engine) is refused before anything is recorded or touched.
    /// </summary>
    private async Task<bool> WithIntentAsync(ServiceSelector selector, bool running, Func<long, IReadOnlyList<InstanceSpec>, Task<bool>> act, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var (revision, instances) = Select(selector);
            if (running)
            {
                await RefuseMissingImagesAsync(selector, instances, cancellationToken);
            }

            foreach (var instance in instances)
            {
                intents.Set(instance.Service, instance.Name, running);
            }

            if (running)
            {
                NotifyStarted(instances);
            }

            return await act(revision, instances);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Throws, with one sentence, when a container the start would create has its image neither on the engine nor in
    /// the registry (or the registry that should have it cannot be asked).
    /// </summary>
    private async Task RefuseMissingImagesAsync(ServiceSelector selector, IReadOnlyList<InstanceSpec> instances, CancellationToken cancellationToken)
    {
        var plan = Planner.Start(instances, await ObserveAsync(cancellationToken));
        IReadOnlyList<MissingImage> missing;
        try
        {
            missing = await images.MissingAsync(ImageCheck.Created(plan), cancellationToken);
        }
        catch (RegistryUnavailableException unavailable)
        {
            throw new OperationException(OperationErrorKind.Failed, $"cannot start {selector}: an image is not on this engine and {unavailable.Message}");
        }

        if (missing.Count == 1)
        {
            throw new OperationException(OperationErrorKind.NotFound, $"cannot start {selector}: {missing[0]}; {missing[0].Advice}");
        }

        if (missing.Count > 1)
        {
            throw new OperationException(
                OperationErrorKind.NotFound,
                $"cannot start {selector}: {missing.Count} images are missing",
                missing.Select(m => $"{m}; {m.Advice}").ToList());
        }
    }

    /// <summary>The names the plan would create a container under that another daemon's container holds: creating it can only fail.</summary>
    private async Task<IReadOnlyList<StartBlocker>> HeldByOtherDaemonsAsync(Plan plan, CancellationToken cancellationToken)
    {
        var created = plan.Steps.Where(s => s.Action == PlanAction.Create).Select(s => s.Target).ToHashSet(StringComparer.Ordinal);
        if (created.Count == 0)
        {
            return [];
        }

        return (await runtime.ListNamespaceContainersAsync(naming, cancellationToken))
            .Where(c => created.Contains(c.Name))
            .Select(c => naming.ForeignDaemon(c.Labels) is { } other ? StartBlocker.NameTaken(c.Name, other) : null)
            .OfType<StartBlocker>()
            .ToList();
    }

    /// <summary>
    /// Every container this daemon manages, as the engine reports it. Another daemon's containers are left out, so no
    /// plan removes, replaces, stops or adopts them; a name one of them holds fails the step that would create it.
    /// </summary>
    public Task<IReadOnlyList<ObservedContainer>> ObserveAsync(CancellationToken cancellationToken) =>
        runtime.ListOwnContainersAsync(naming, cancellationToken);

    private (long Revision, IReadOnlyList<InstanceSpec> Instances) Select(ServiceSelector selector)
    {
        var current = desired.Current();
        if (current.Number == 0)
        {
            throw new OperationException(OperationErrorKind.NotFound, "no configuration has been applied yet (run sky apply PATH first)");
        }

        return (current.Number, selector.Select(current.State));
    }

    private List<InstanceSpec> WantedRunning(DesiredState state)
    {
        var running = intents.All().Where(i => i.Running).Select(i => (i.Service, i.Instance)).ToHashSet();
        return state.Services.SelectMany(s => s.Instances).Where(i => running.Contains((i.Service, i.Name))).ToList();
    }

    private async Task<bool> ExecuteAsync(Plan plan, long revision, string operation, IOperationReporter reporter, CancellationToken cancellationToken, Dictionary<string, string>? failures = null)
    {
        reporter.PlanReady(plan);
        var steps = plan.Steps.ToDictionary(s => s.Id);
        void Report(StepProgress progress)
        {
            var step = steps[progress.StepId];
            if (progress.Status is StepStatus.Done or StepStatus.Failed && step.Spec is not null)
            {
                var outcome = progress.Status == StepStatus.Done ? "done" : $"failed: {progress.Message}";
                events.Append(operation, step.Spec.Service, step.Spec.Instance, $"{step.Verb} {step.Target}: {outcome}");
                if (progress.Status == StepStatus.Failed && failures is not null)
                {
                    lock (failures)
                    {
                        failures.TryAdd(step.Spec.Service, $"{step.Verb.ToLowerInvariant()} {step.Target}: {progress.Message}");
                    }
                }
            }

            reporter.Progress(progress);
        }

        return await executor.ExecuteAsync(plan, revision, Report, cancellationToken);
    }

    private void NotifyStarted(IReadOnlyList<InstanceSpec> instances)
    {
        Action<IReadOnlyList<InstanceSpec>>[] listeners;
        lock (startListeners)
        {
            listeners = [.. startListeners];
        }

        foreach (var listener in listeners)
        {
            listener(instances);
        }
    }

    public void Dispose() => gate.Dispose();
}
