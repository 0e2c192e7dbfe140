using Sky.Model;

namespace Sky.Planning.Tests;

/// <summary>
/// Property-like checks over generated shapes: random dependency graphs, listed in random order, against random
/// engine states. Seeds are fixed so a failure names the shape that broke.
/// </summary>
public class PlanShapesTests
{
    private const int SeedCount = 40;

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, SeedCount)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Start_plans_only_wait_on_earlier_steps_and_honour_every_dependency(int seed)
    {
        var (instances, engine) = Shape(seed);

        var plan = Planner.Start(instances, engine.Observed);

        AssertWellFormed(plan, instances);
        foreach (var spec in instances.SelectMany(i => i.Containers))
        {
            var step = StepOf(plan, spec.Name);
            Assert.All(spec.DependsOn, d => Assert.Contains(StepOf(plan, d).Id, step.After));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Stop_plans_only_wait_on_earlier_steps_and_stop_dependents_first(int seed)
    {
        var (instances, engine) = Shape(seed);

        var plan = Planner.Stop(instances, engine.Observed);

        AssertWellFormed(plan, instances);
        foreach (var spec in instances.SelectMany(i => i.Containers))
        {
            var step = StepOf(plan, spec.Name);
            Assert.All(spec.DependsOn, d => Assert.Contains(step.Id, StepOf(plan, d).After));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Applying_a_start_plan_reaches_a_state_the_next_plan_leaves_alone(int seed)
    {
        var (instances, engine) = Shape(seed);

        engine.Apply(Planner.Start(instances, engine.Observed));

        Assert.True(Planner.Start(instances, engine.Observed).IsEmpty);
        Assert.Equal(
            instances.SelectMany(i => i.Containers).Select(c => c.Name).Order(),
            engine.Observed.Select(c => c.Name).Order());
        engine.Apply(Planner.Stop(instances, engine.Observed));
        Assert.True(Planner.Stop(instances, engine.Observed).IsEmpty);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Rollouts_are_start_plans_whose_running_replacements_roll_batch_after_batch(int seed)
    {
        var (instances, engine) = Shape(seed);
        var start = Planner.Start(instances, engine.Observed);

        var rollout = Planner.Rollout(instances, engine.Observed);

        AssertWellFormed(rollout, instances);
        Assert.Equal(start.Steps.Select(s => (s.Id, s.Target)), rollout.Steps.Select(s => (s.Id, s.Target)));
        foreach (var (planned, rolled) in start.Steps.Zip(rollout.Steps))
        {
            var rolls = planned.Action == PlanAction.Replace && planned.Existing!.IsRunning;
            Assert.Equal(rolls ? PlanAction.Roll : planned.Action, rolled.Action);
            Assert.Subset(rolled.After.ToHashSet(), planned.After.ToHashSet());
            if (rolled.Rolling is { Batch: > 1 } how)
            {
                var before = rollout.Steps.Where(s => s.Spec?.Role == rolled.Spec!.Role && s.Spec.Instance == rolled.Spec.Instance && s.Spec.Service == rolled.Spec.Service && s.Rolling?.Batch == how.Batch - 1);
                Assert.All(before, b => Assert.Contains(b.Id, rolled.After));
            }
        }

        engine.Apply(rollout);
        Assert.True(Planner.Start(instances, engine.Observed).IsEmpty);
    }

    [Fact]
    public void Generated_shapes_meet_every_action_and_several_instances()
    {
        // Guards the generator: properties checked over shapes that never replace or remove would prove little.
        var shapes = Enumerable.Range(1, SeedCount).Select(Shape).ToList();

        var actions = shapes
            .SelectMany(s => Planner.Start(s.Instances, s.Engine.Observed).Steps
                .Concat(Planner.Stop(s.Instances, s.Engine.Observed).Steps)
                .Concat(Planner.Rollout(s.Instances, s.Engine.Observed).Steps))
            .Select(s => s.Action)
            .ToHashSet();

        Assert.Equal(Enum.GetValues<PlanAction>().ToHashSet(), actions);
        Assert.Contains(shapes, s => s.Instances.Count > 1);
    }

    private static void AssertWellFormed(Plan plan, IReadOnlyList<InstanceSpec> instances)
    {
        Assert.Equal(Enumerable.Range(1, plan.Steps.Count), plan.Steps.Select(s => s.Id));
        Assert.All(plan.Steps, s => Assert.All(s.After, a => Assert.InRange(a, 1, s.Id - 1)));
        AssertAcyclic(plan);

        // One step per wanted container; the only other container steps remove strays.
        var wanted = instances.SelectMany(i => i.Containers).Select(c => c.Name).Order().ToList();
        Assert.Equal(wanted, plan.Steps.Where(s => s.Spec is not null).Select(s => s.Target).Order());

        // Instances are independent: no container step waits on another instance's container.
        var instanceOf = instances.SelectMany(i => i.Containers.Select(c => (c.Name, Instance: i.Name))).ToDictionary();
        foreach (var step in plan.Steps.Where(s => s.Spec is not null))
        {
            var waitedOn = step.After.Select(a => plan.Steps[a - 1]).Where(s => s.Spec is not null);
            Assert.All(waitedOn, w => Assert.Equal(instanceOf[step.Target], instanceOf[w.Target]));
        }
    }

    // Independent of ids: repeatedly take the steps whose After are all taken; a cycle would leave some behind.
    private static void AssertAcyclic(Plan plan)
    {
        var taken = new HashSet<int>();
        var progress = true;
        while (progress)
        {
            var ready = plan.Steps.Where(s => !taken.Contains(s.Id) && s.After.All(taken.Contains)).ToList();
            progress = ready.Count > 0;
            taken.UnionWith(ready.Select(s => s.Id));
        }

        Assert.Equal(plan.Steps.Count, taken.Count);
    }

    private static PlanStep StepOf(Plan plan, string name) => plan.Steps.Single(s => s.Target == name && s.Spec is not null);

    private static (IReadOnlyList<InstanceSpec> Instances, FakeEngine Engine) Shape(int seed)
    {
        var random = new Random(seed);
        var engine = new FakeEngine();
        var instances = new List<InstanceSpec>();
        var instanceCount = random.Next(1, 4);
        for (var i = 0; i < instanceCount; i++)
        {
            var instance = $"i{i}";
            var containers = new List<ContainerSpec>();
            var containerCount = random.Next(1, 7);
            for (var c = 0; c < containerCount; c++)
            {
                // Dependencies only on earlier containers keep the graph acyclic; the shuffle below hides that order.
                var dependsOn = containers.Where(_ => random.Next(3) == 0).Select(d => d.Name).ToList();
                var volumes = random.Next(4) == 0 ? [new VolumeMount($"data-{random.Next(3)}", "/data", false, false)] : Array.Empty<VolumeMount>();
                containers.Add(Specs.Container("shape", instance, role: $"r{c}", dependsOn: dependsOn, volumes: volumes));
            }

            foreach (var spec in containers)
            {
                Observe(engine, spec, random);
            }

            instances.Add(Specs.Instance("shape", instance, [.. containers.OrderBy(_ => random.Next())]));
        }

        return (instances, engine);
    }

    private static void Observe(FakeEngine engine, ContainerSpec spec, Random random)
    {
        ContainerState[] states = [ContainerState.Running, ContainerState.Exited, ContainerState.Created, ContainerState.Paused, ContainerState.Dead, ContainerState.Restarting];
        switch (random.Next(5))
        {
            case 0:
                return;
            case 1:
                engine.Add(spec, states[random.Next(states.Length)], hash: "0000000000000000");
                break;
            default:
                engine.Add(spec, states[random.Next(states.Length)]);
                break;
        }

        if (random.Next(6) == 0)
        {
            engine.Add(spec, states[random.Next(states.Length)], name: spec.Name + "-stray");
        }
    }
}
