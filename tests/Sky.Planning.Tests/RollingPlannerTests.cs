using Sky.Model;
using Sky.Model.Deploys;

namespace Sky.Planning.Tests;

public class RollingPlannerTests
{
    private static InstanceSpec Web(int replicas, DeploySettings deploy, string image = "app:2.0") =>
        Specs.Instance("web", "production", [.. Enumerable.Range(1, replicas).Select(r => Specs.Container("web", "production", replica: r, image: image))]) with { Deploy = deploy };

    /// <summary>An engine running every container of the instance at version 1.0.</summary>
    private static FakeEngine RunningAtFirstVersion(int replicas) => FakeEngine.Running([Web(replicas, DeploySettings.Default, "app:1.0")]);

    private static List<PlanStep> Rolls(Plan plan) => [.. plan.Steps.Where(s => s.Action == PlanAction.Roll).OrderBy(s => s.Id)];

    [Fact]
    public void Replicas_roll_one_at_a_time_start_first_by_default_each_after_the_one_before()
    {
        var engine = RunningAtFirstVersion(3);

        var rolls = Rolls(Planner.Rollout([Web(3, DeploySettings.Default)], engine.Observed));

        Assert.Equal(3, rolls.Count);
        Assert.All(rolls, r => Assert.Equal(DeployOrder.StartFirst, r.Rolling!.Order));
        Assert.Equal([1, 2, 3], rolls.Select(r => r.Rolling!.Batch));
        Assert.All(rolls, r => Assert.Equal(3, r.Rolling!.Batches));
        Assert.Contains(rolls[0].Id, rolls[1].After);
        Assert.Contains(rolls[1].Id, rolls[2].After);
        Assert.Equal("Replacing", rolls[0].Verb);
    }

    [Fact]
    public void Parallel_cuts_the_replicas_into_batches_of_that_size()
    {
        var engine = RunningAtFirstVersion(4);

        var rolls = Rolls(Planner.Rollout([Web(4, new DeploySettings { Parallel = 2, HealthTimeout = TimeSpan.FromSeconds(30) })], engine.Observed));

        Assert.Equal([1, 1, 2, 2], rolls.Select(r => r.Rolling!.Batch));
        Assert.All(rolls, r => Assert.Equal(TimeSpan.FromSeconds(30), r.Rolling!.HealthTimeout));
        Assert.DoesNotContain(rolls[0].Id, rolls[1].After);
        Assert.All(rolls.Skip(2), r => Assert.Subset(r.After.ToHashSet(), new HashSet<int> { rolls[0].Id, rolls[1].Id }));
    }

    [Fact]
    public void Stop_first_batches_keep_min_healthy_of_the_replicas_serving()
    {
        var engine = RunningAtFirstVersion(4);

        var rolls = Rolls(Planner.Rollout([Web(4, new DeploySettings { Order = DeployOrder.StopFirst, Parallel = 4, MinHealthy = 0.5 })], engine.Observed));

        Assert.All(rolls, r => Assert.Equal(DeployOrder.StopFirst, r.Rolling!.Order));
        Assert.Equal([1, 1, 2, 2], rolls.Select(r => r.Rolling!.Batch));
    }

    [Fact]
    public void A_container_that_does_not_run_serves_nobody_and_is_replaced_at_once()
    {
        var engine = RunningAtFirstVersion(2);
        engine.Apply(Planner.Stop([Web(2, DeploySettings.Default, "app:1.0")], engine.Observed));

        var plan = Planner.Rollout([Web(2, DeploySettings.Default)], engine.Observed);

        Assert.Empty(Rolls(plan));
        Assert.Equal(2, plan.Steps.Count(s => s.Action == PlanAction.Replace));
    }

    [Fact]
    public void A_restart_rolls_every_running_container_and_starts_the_others()
    {
        var engine = RunningAtFirstVersion(2);
        var instance = Web(2, DeploySettings.Default, "app:1.0");
        engine.Apply(Planner.Stop([Specs.Instance("web", "production", instance.Containers[1])], engine.Observed));

        var plan = Planner.Restart([instance], engine.Observed);

        var roll = Assert.Single(Rolls(plan));
        Assert.Equal(instance.Containers[0].Name, roll.Target);
        Assert.Equal("restart", roll.Reason);
        Assert.Contains(plan.Steps, s => s.Action == PlanAction.Start && s.Target == instance.Containers[1].Name);
    }
}
