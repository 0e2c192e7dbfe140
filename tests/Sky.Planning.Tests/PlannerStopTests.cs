using Sky.Model;

namespace Sky.Planning.Tests;

public class PlannerStopTests
{
    [Fact]
    public void Stopping_the_mission_example_stops_each_application_before_its_database()
    {
        var instances = Specs.MyApplication();
        var engine = FakeEngine.Running(instances);

        var plan = Planner.Stop(instances, engine.Observed);

        Assert.Equal(
            """
            [1] my-application-production: Stop (running)
            [2] after #1 my-application-production-database: Stop (running)
            [3] my-application-dev: Stop (running)
            [4] after #3 my-application-dev-database: Stop (running)
            """,
            plan.ToString());
        Assert.Equal(
            ["Stopping", "Stopping", "Stopping", "Stopping"],
            plan.InDisplayOrder().Select(s => s.Verb));
    }

    [Fact]
    public void Stopped_and_missing_containers_are_already_stopped()
    {
        var instances = Specs.MyApplication();
        var engine = new FakeEngine();
        engine.Add(instances[0].Containers[0], ContainerState.Exited);
        engine.Add(instances[0].Containers[1], ContainerState.Created);
        engine.Add(instances[1].Containers[0], ContainerState.Dead);

        var plan = Planner.Stop(instances, engine.Observed);

        Assert.True(plan.IsEmpty);
        Assert.Equal(
            """
            [1] my-application-production: AlreadyStopped (created)
            [2] after #1 my-application-production-database: AlreadyStopped (exited)
            [3] my-application-dev: AlreadyStopped (no existing container)
            [4] after #3 my-application-dev-database: AlreadyStopped (dead)
            """,
            plan.ToString());
    }

    [Theory]
    [InlineData(ContainerState.Restarting, "restarting")]
    [InlineData(ContainerState.Paused, "paused")]
    public void Restarting_and_paused_containers_are_stopped(ContainerState state, string reason)
    {
        var spec = Specs.Container("web", "default");
        var engine = new FakeEngine();
        engine.Add(spec, state);

        var step = Planner.Stop([Specs.Instance("web", "default", spec)], engine.Observed).Steps.Single();

        Assert.Equal((PlanAction.Stop, reason), (step.Action, step.Reason));
    }

    [Fact]
    public void A_diamond_stops_top_first_and_its_base_last()
    {
        var bottom = Specs.Container("diamond", "default", role: "store");
        var left = Specs.Container("diamond", "default", role: "left", dependsOn: [bottom.Name]);
        var right = Specs.Container("diamond", "default", role: "right", dependsOn: [bottom.Name]);
        var top = Specs.Container("diamond", "default", dependsOn: [left.Name, right.Name]);
        var instance = Specs.Instance("diamond", "default", bottom, left, right, top);

        var plan = Planner.Stop([instance], FakeEngine.Running([instance]).Observed);

        Assert.Equal(
            """
            [1] diamond: Stop (running)
            [2] after #1 diamond-right: Stop (running)
            [3] after #1 diamond-left: Stop (running)
            [4] after #2,#3 diamond-store: Stop (running)
            """,
            plan.ToString());
    }

    [Fact]
    public void Stopping_then_starting_returns_to_running_without_new_containers()
    {
        var instances = Specs.MyApplication();
        var engine = FakeEngine.Running(instances);
        var ids = engine.Observed.Select(c => c.Id).ToHashSet();

        engine.Apply(Planner.Stop(instances, engine.Observed));
        var start = Planner.Start(instances, engine.Observed);
        engine.Apply(start);

        Assert.All(start.Steps.Where(s => s.IsContainerStep), s => Assert.Equal(PlanAction.Start, s.Action));
        Assert.Equal(ids, engine.Observed.Select(c => c.Id).ToHashSet());
        Assert.All(engine.Observed, c => Assert.Equal(ContainerState.Running, c.State));
    }
}
