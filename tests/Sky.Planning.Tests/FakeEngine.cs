using System.Globalization;
using Sky.Model;

namespace Sky.Planning.Tests;

/// <summary>
/// What runs, as an in-memory list, and a naive executor that carries a plan out on it, so tests can check that
/// applying a plan reaches the state the next plan agrees with.
/// </summary>
internal sealed class FakeEngine
{
    private readonly List<ObservedContainer> containers = [];
    private int lastId;

    public HashSet<string> Networks { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Volumes { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<ObservedContainer> Observed => [.. containers];

    public static FakeEngine Running(IEnumerable<InstanceSpec> instances)
    {
        var engine = new FakeEngine();
        foreach (var spec in instances.SelectMany(i => i.Containers))
        {
            engine.Add(spec);
        }

        return engine;
    }

    /// <summary>A container as sky would have created it from the spec, in the given state.</summary>
    public ObservedContainer Add(ContainerSpec spec, ContainerState state = ContainerState.Running, string? name = null, string? hash = null)
    {
        var labels = new Dictionary<string, string>(spec.Labels) { [SkyLabels.ConfigHash] = hash ?? spec.ConfigHash };
        return Add(name ?? spec.Name, state, labels);
    }

    public ObservedContainer Add(string name, ContainerState state, IReadOnlyDictionary<string, string> labels)
    {
        var container = new ObservedContainer
        {
            Id = (++lastId).ToString("x4", CultureInfo.InvariantCulture),
            Name = name,
            State = state,
            Labels = labels,
        };
        containers.Add(container);
        return container;
    }

    public ObservedContainer Get(string name) => containers.Single(c => c.Name == name);

    /// <summary>Carries the steps out one by one in display order, checking each waits only on steps already done.</summary>
    public void Apply(Plan plan)
    {
        var done = new HashSet<int>();
        foreach (var step in plan.InDisplayOrder())
        {
            Assert.All(step.After, id => Assert.Contains(id, done));
            switch (step.Action)
            {
                case PlanAction.EnsureNetwork:
                    Networks.Add(step.Target);
                    break;
                case PlanAction.EnsureVolume:
                    Volumes.Add(step.Target);
                    break;
                case PlanAction.Create:
                    Assert.Contains(step.Spec!.Network, Networks);
                    Add(step.Spec);
                    break;
                case PlanAction.Replace:
                case PlanAction.Roll:
                    containers.RemoveAll(c => c.Id == step.Existing!.Id);
                    Add(step.Spec!);
                    break;
                case PlanAction.Start:
                    SetState(step.Existing!, ContainerState.Running);
                    break;
                case PlanAction.Stop:
                    SetState(step.Existing!, ContainerState.Exited);
                    break;
                case PlanAction.Remove:
                    containers.RemoveAll(c => c.Id == step.Existing!.Id);
                    break;
                case PlanAction.AlreadyRunning:
                case PlanAction.AlreadyStopped:
                    break;
                default:
                    throw new InvalidOperationException($"Unknown action {step.Action}");
            }

            done.Add(step.Id);
        }
    }

    private void SetState(ObservedContainer existing, ContainerState state)
    {
        var index = containers.FindIndex(c => c.Id == existing.Id);
        containers[index] = containers[index] with { State = state };
    }
}
