using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Model;
using Sky.Planning;
using Sky.Runtime;
using Sky.Supervisor.Health;
using Sky.Supervisor.Rollouts;

namespace Sky.Supervisor;

/// <summary>
/// Carries out a plan against the engine. It makes no decisions (the planner did): each step waits for the
/// steps it comes after, independent steps run in parallel, and a failed step skips what depends on it. A container's
/// image is made sure of before the step touches anything (pulled from the daemon's registry when that is where it is).
/// </summary>
public sealed class PlanExecutor(
    IContainerRuntime runtime,
    Naming naming,
    IContainerHealthView health,
    StateFeed feed,
    ILogger<PlanExecutor> logger,
    IContainerDrain? drain = null,
    IOutputKeeper? output = null,
    IContainerEnvironment? environment = null,
    ImageSource? images = null,
    IContainerAdmission? admission = null)
{
    private readonly ImageSource images = images ?? new ImageSource(runtime);
    private readonly ContainerRetirement retirement = new(runtime, drain, output);
    private readonly RollingReplacement rolling = new(runtime, health, feed, new ContainerRetirement(runtime, drain, output), admission);

    /// <summary>Runs every step; returns true when none failed.</summary>
    public async Task<bool> ExecuteAsync(Plan plan, long revision, Action<StepProgress> progress, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<int, Task<bool>>();
        var gate = new HealthGate(runtime, health, feed, plan);
        foreach (var step in plan.Steps)
        {
            var before = step.After.Select(id => outcomes[id]).ToArray();
            outcomes[step.Id] = RunAfterAsync(step, before, gate, revision, progress, cancellationToken);
        }

        var results = await Task.WhenAll(outcomes.Values);
        return results.All(ok => ok);
    }

    private async Task<bool> RunAfterAsync(PlanStep step, Task<bool>[] before, HealthGate gate, long revision, Action<StepProgress> progress, CancellationToken cancellationToken)
    {
        var prerequisites = await Task.WhenAll(before);
        if (!prerequisites.All(ok => ok))
        {
            progress(new StepProgress(step.Id, step.Target, StepStatus.Skipped, "a step it needs failed"));
            return false;
        }

        if (!step.ChangesSomething)
        {
            progress(new StepProgress(step.Id, step.Target, StepStatus.Unchanged, step.Reason));
            return true;
        }

        try
        {
            // Before a replaced container goes (the old one stays unless its replacement can be created), and before
            // waiting for dependencies' health, so that a pull from the registry overlaps their checks.
            if (step.Action is PlanAction.Create or PlanAction.Replace or PlanAction.Roll && step.Spec is { } created)
            {
                await EnsureImageAsync(created, message => progress(new StepProgress(step.Id, step.Target, StepStatus.Waiting, message)), cancellationToken);
            }

            // A container that requires a checked service starts only once that service is healthy.
            if (step.Action is PlanAction.Create or PlanAction.Start or PlanAction.Replace or PlanAction.Roll && step.Spec is { } spec)
            {
                await gate.WaitForDependenciesAsync(spec, message => progress(new StepProgress(step.Id, step.Target, StepStatus.Waiting, message)), cancellationToken);
            }

            progress(new StepProgress(step.Id, step.Target, StepStatus.Started));
            await RunAsync(step, revision, message => progress(new StepProgress(step.Id, step.Target, StepStatus.Waiting, message)), cancellationToken);
            progress(new StepProgress(step.Id, step.Target, StepStatus.Done));
            return true;
        }
        catch (Exception exception) when (exception is EngineException or EngineUnavailableException or OperationException or HttpRequestException or IOException)
        {
            // sky's own refusals are sentences for people, not bugs: no stack trace for them in the daemon's log.
            if (exception is OperationException)
            {
                logger.LogWarning("Step {Step} on {Target} failed: {Message}", step.Action, step.Target, exception.Message);
            }
            else
            {
                logger.LogWarning(exception, "Step {Step} on {Target} failed", step.Action, step.Target);
            }

            progress(new StepProgress(step.Id, step.Target, StepStatus.Failed, exception.Message));
            return false;
        }
    }

    private async Task RunAsync(PlanStep step, long revision, Action<string> waiting, CancellationToken cancellationToken)
    {
        switch (step.Action)
        {
            case PlanAction.EnsureNetwork:
                await runtime.EnsureNetworkAsync(step.Target, naming.BaseLabels(SkyLabels.ServiceKind), cancellationToken);
                break;
            case PlanAction.EnsureVolume:
                await runtime.EnsureVolumeAsync(step.Target, naming.BaseLabels(SkyLabels.ServiceKind), cancellationToken);
                break;
            case PlanAction.Create:
                await CreateAndStartAsync(Spec(step), revision, cancellationToken);
                break;
            case PlanAction.Start:
                await runtime.StartContainerAsync(Existing(step).Id, cancellationToken);
                break;
            case PlanAction.Replace:
                await retirement.RetireAsync(Existing(step).Id, cancellationToken);
                await CreateAndStartAsync(Spec(step), revision, cancellationToken);
                break;
            case PlanAction.Roll:
                var how = step.Rolling ?? throw new InvalidOperationException($"step {step.Id} (Roll) says not how to roll");
                await rolling.RollAsync(Spec(step), Existing(step), how, token => CreateAndStartAsync(Spec(step), revision, token), waiting, cancellationToken);
                break;
            case PlanAction.Stop:
                await retirement.DrainAndStopAsync(Existing(step).Id, cancellationToken);
                break;
            case PlanAction.Remove:
                await retirement.RemoveAsync(Existing(step).Id, cancellationToken);
                break;
            default:
                break;
        }
    }

    private async Task EnsureImageAsync(ContainerSpec spec, Action<string> pulling, CancellationToken cancellationToken)
    {
        try
        {
            if (!await images.EnsureOnEngineAsync(spec.Image, pulling, cancellationToken))
            {
                throw new OperationException(OperationErrorKind.Failed, $"image {spec.Image} is not on {images.Places(spec.Image)} ({images.Advice(spec.Image)})");
            }
        }
        catch (RegistryUnavailableException unavailable)
        {
            throw new OperationException(OperationErrorKind.Failed, $"image {spec.Image} is not on this engine and {unavailable.Message}");
        }
    }

    private async Task<string> CreateAndStartAsync(ContainerSpec spec, long revision, CancellationToken cancellationToken)
    {
        var extraLabels = new Dictionary<string, string> { [SkyLabels.Revision] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        string id;
        try
        {
            id = await runtime.CreateContainerAsync(spec with { Environment = IContainerEnvironment.Under(spec.Environment, environment) }, extraLabels, cancellationToken);
        }
        catch (EngineException conflict) when (conflict.StatusCode == 409)
        {
            // The name is taken: a container created a moment ago (by an apply cut short, say). Reuse it only if it
            // is ours and built from the same configuration, never a stranger's nor another daemon's (which the plan
            // could not see: it lists only this daemon's containers).
            var existing = await runtime.InspectContainerAsync(spec.Name, cancellationToken);
            if (existing is not null && naming.ForeignDaemon(existing.Labels) is { } other)
            {
                throw new OperationException(OperationErrorKind.Failed, TakenNames.Sentence(spec.Name, other));
            }

            if (existing is null || !naming.Owns(existing.Labels) || existing.ConfigHash != spec.ConfigHash)
            {
                throw new OperationException(OperationErrorKind.Failed, $"a container named {spec.Name} exists and sky does not manage it with this configuration");
            }

            id = existing.Id;
        }

        await runtime.StartContainerAsync(id, cancellationToken);
        return id;
    }

    private static ContainerSpec Spec(PlanStep step) =>
        step.Spec ?? throw new InvalidOperationException($"step {step.Id} ({step.Action}) has no container spec");

    private static ObservedContainer Existing(PlanStep step) =>
        step.Existing ?? throw new InvalidOperationException($"step {step.Id} ({step.Action}) has no existing container");
}
