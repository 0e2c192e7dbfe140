using Sky.Model;

namespace Sky.Planning.Tests;

public class PlanTests
{
    [Fact]
    public void A_plan_of_no_ops_is_empty()
    {
        var plan = new Plan(
        [
            new PlanStep(1, PlanAction.AlreadyRunning, "a", null, null, "running, config unchanged", []),
            new PlanStep(2, PlanAction.AlreadyStopped, "b", null, null, "exited", []),
        ]);

        Assert.True(plan.IsEmpty);
        Assert.True(Plan.Empty.IsEmpty);
    }

    [Fact]
    public void A_plan_with_one_change_is_not_empty()
    {
        var plan = new Plan([new PlanStep(1, PlanAction.EnsureNetwork, "n", null, null, "network", [])]);

        Assert.False(plan.IsEmpty);
    }

    [Fact]
    public void Display_order_follows_step_ids_whatever_the_list_order()
    {
        var plan = new Plan(
        [
            new PlanStep(2, PlanAction.Create, "app", null, null, "no existing container", [1]),
            new PlanStep(1, PlanAction.Create, "database", null, null, "no existing container", []),
        ]);

        Assert.Equal(["database", "app"], plan.InDisplayOrder().Select(s => s.Target));
        Assert.Equal(
            """
            [1] database: Create (no existing container)
            [2] after #1 app: Create (no existing container)
            """,
            plan.ToString());
    }

    [Fact]
    public void A_following_plan_is_numbered_on_from_the_first()
    {
        var first = new Plan([new PlanStep(1, PlanAction.Create, "a", null, null, "no existing container", [])]);
        var next = new Plan(
        [
            new PlanStep(1, PlanAction.EnsureNetwork, "n", null, null, "network", []),
            new PlanStep(2, PlanAction.Create, "b", null, null, "no existing container", [1]),
        ]);

        Assert.Equal(
            """
            [1] a: Create (no existing container)
            [2] n: EnsureNetwork (network)
            [3] after #2 b: Create (no existing container)
            """,
            first.Then(next).ToString());
    }

    [Fact]
    public void A_stray_that_is_also_an_orphan_is_removed_once()
    {
        var spec = Specs.Container("web", "default");
        var engine = new FakeEngine();
        engine.Add(spec);
        engine.Add(spec, name: "web-old");
        var instances = new[] { Specs.Instance("web", "default", spec) };

        var start = Planner.Start(instances, engine.Observed);
        var plan = start.Then(Planner.RemoveOrphans([spec], engine.Observed));

        Assert.Equal(
            """
            [1] web-old: Remove (stray copy of web)
            [2] after #1 web: AlreadyRunning (running, config unchanged)
            """,
            plan.ToString());
    }

    [Fact]
    public void A_stop_then_a_start_of_the_same_container_are_both_kept()
    {
        var spec = Specs.Container("web", "default");
        var engine = new FakeEngine();
        var existing = engine.Add(spec, ContainerState.Exited);
        var stop = new Plan([new PlanStep(1, PlanAction.Stop, "web", spec, existing, "running", [])]);

        var plan = stop.Then(Planner.Start([Specs.Instance("web", "default", spec)], engine.Observed));

        Assert.Equal([PlanAction.Stop, PlanAction.EnsureNetwork, PlanAction.Start], plan.Steps.Select(s => s.Action));
    }
}
