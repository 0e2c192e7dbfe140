using Sky.Model;

namespace Sky.Planning.Tests;

/// <summary>Strays: observed containers that duplicate a wanted one. They reach the plan as Remove steps.</summary>
public class ObservedIndexTests
{
    [Fact]
    public void A_copy_with_the_same_labels_under_another_name_is_removed_before_the_container_starts()
    {
        var spec = Specs.Container("web", "default");
        var engine = new FakeEngine();
        var kept = engine.Add(spec, ContainerState.Exited);
        var stray = engine.Add(spec, ContainerState.Running, name: "web-old");

        var plan = Planner.Start([Specs.Instance("web", "default", spec)], engine.Observed);

        Assert.Equal(
            """
            [1] sky-web: EnsureNetwork (network of web/default)
            [2] web-old: Remove (stray copy of web)
            [3] after #1,#2 web: Start (exited, config unchanged)
            """,
            plan.ToString());
        Assert.Same(stray, plan.Steps[1].Existing);
        Assert.Same(kept, plan.Steps[2].Existing);
    }

    [Fact]
    public void Of_two_containers_with_one_name_the_running_current_one_is_kept()
    {
        var spec = Specs.Container("web", "default");
        var engine = new FakeEngine();
        var outdated = engine.Add(spec, ContainerState.Running, hash: "0123456789abcdef");
        var current = engine.Add(spec, ContainerState.Running);

        var plan = Planner.Start([Specs.Instance("web", "default", spec)], engine.Observed);

        Assert.Equal(
            $"""
            [1] web: Remove (duplicate name, keeping {current.Id})
            [2] after #1 web: AlreadyRunning (running, config unchanged)
            """,
            plan.ToString());
        Assert.Same(outdated, plan.Steps[0].Existing);
        Assert.Same(current, plan.Steps[1].Existing);
    }

    [Fact]
    public void Applying_a_plan_with_strays_leaves_one_container_per_wanted_name()
    {
        var instances = Specs.MyApplication();
        var engine = FakeEngine.Running(instances);
        engine.Add(instances[1].Containers[0], name: "my-application-dev-database-copy");
        engine.Add(instances[0].Containers[1], ContainerState.Exited);

        engine.Apply(Planner.Start(instances, engine.Observed));

        Assert.Equal(
            instances.SelectMany(i => i.Containers).Select(c => c.Name).Order(),
            engine.Observed.Select(c => c.Name).Order());
        Assert.True(Planner.Start(instances, engine.Observed).IsEmpty);
    }

    [Fact]
    public void A_container_another_wanted_container_has_the_name_of_is_not_a_stray()
    {
        // web-2's container wrongly labelled as replica 1 belongs to web-2 by name, and is recreated with the right labels.
        var first = Specs.Container("web", "default");
        var second = Specs.Container("web", "default", replica: 2);
        var engine = new FakeEngine();
        engine.Add(first);
        engine.Add(first, name: second.Name);

        var plan = Planner.Start([Specs.Instance("web", "default", first, second)], engine.Observed);

        Assert.DoesNotContain(plan.Steps, s => s.Action == PlanAction.Remove);
        var step = plan.Steps.Single(s => s.Target == second.Name);
        Assert.Equal((PlanAction.Replace, "labelled as web/default/main/1"), (step.Action, step.Reason));
    }

    [Fact]
    public void A_running_stray_is_removed_when_its_instance_stops()
    {
        var spec = Specs.Container("web", "default");
        var engine = new FakeEngine();
        engine.Add(spec);
        engine.Add(spec, name: "web-old");

        var plan = Planner.Stop([Specs.Instance("web", "default", spec)], engine.Observed);

        Assert.Equal(
            """
            [1] web-old: Remove (stray copy of web)
            [2] after #1 web: Stop (running)
            """,
            plan.ToString());
    }

    [Fact]
    public void Two_wanted_containers_with_one_identity_are_refused()
    {
        var first = Specs.Container("web", "default");
        var second = first with { Name = "web-again" };

        Assert.Throws<ArgumentException>(() => Planner.Start([Specs.Instance("web", "default", first, second)], []));
    }
}
