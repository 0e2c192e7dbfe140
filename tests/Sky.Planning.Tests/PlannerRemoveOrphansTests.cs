using Sky.Model;

namespace Sky.Planning.Tests;

public class PlannerRemoveOrphansTests
{
    [Fact]
    public void Service_containers_no_configuration_wants_are_removed()
    {
        var instances = Specs.MyApplication();
        var engine = FakeEngine.Running(instances);
        var wanted = instances[0].Containers;

        var plan = Planner.RemoveOrphans(wanted, engine.Observed);

        Assert.Equal(
            """
            [1] my-application-dev: Remove (no configuration wants it)
            [2] my-application-dev-database: Remove (no configuration wants it)
            """,
            plan.ToString());
        Assert.Equal(engine.Get("my-application-dev"), plan.Steps[0].Existing);
    }

    [Fact]
    public void A_scaled_down_replica_is_an_orphan()
    {
        var replicas = Enumerable.Range(1, 3).Select(r => Specs.Container("web", "default", replica: r)).ToList();
        var engine = FakeEngine.Running([Specs.Instance("web", "default", [.. replicas])]);

        var plan = Planner.RemoveOrphans(replicas.Take(2).ToList(), engine.Observed);

        Assert.Equal("[1] web-3: Remove (no configuration wants it)", plan.ToString());
    }

    [Fact]
    public void Job_and_one_off_containers_are_left_alone()
    {
        var engine = new FakeEngine();
        engine.Add("backup-run-7", ContainerState.Running, new Dictionary<string, string> { [SkyLabels.Kind] = SkyLabels.JobKind });
        engine.Add("shell", ContainerState.Running, new Dictionary<string, string> { [SkyLabels.Kind] = SkyLabels.OneOffKind });
        engine.Add("unlabelled", ContainerState.Running, new Dictionary<string, string>());

        Assert.Empty(Planner.RemoveOrphans([], engine.Observed).Steps);
    }

    [Fact]
    public void Nothing_is_removed_when_everything_is_wanted()
    {
        var instances = Specs.MyApplication();
        var engine = FakeEngine.Running(instances);

        var plan = Planner.RemoveOrphans([.. instances.SelectMany(i => i.Containers)], engine.Observed);

        Assert.True(plan.IsEmpty);
        Assert.Equal("", plan.ToString());
    }
}
