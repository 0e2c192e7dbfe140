using Sky.Model;

namespace Sky.Planning.Tests;

public class PlannerStartTests
{
    [Fact]
    public void Fresh_start_of_the_mission_example_creates_each_database_before_its_application()
    {
        var plan = Planner.Start(Specs.MyApplication(), []);

        Assert.Equal(
            """
            [1] sky-my-application-production: EnsureNetwork (network of my-application/production)
            [2] after #1 my-application-production-database: Create (no existing container)
            [3] after #1,#2 my-application-production: Create (no existing container)
            [4] sky-my-application-dev: EnsureNetwork (network of my-application/dev)
            [5] after #4 my-application-dev-database: Create (no existing container)
            [6] after #4,#5 my-application-dev: Create (no existing container)
            """,
            plan.ToString());
        Assert.False(plan.IsEmpty);
    }

    [Fact]
    public void Progress_lines_come_instance_after_instance_dependencies_first()
    {
        var plan = Planner.Start(Specs.MyApplication(), []);

        var lines = plan.InDisplayOrder().Where(s => s.IsContainerStep).Select(s => $"{s.Verb} {s.Target}.. DONE");

        Assert.Equal(
            """
            Starting my-application-production-database.. DONE
            Starting my-application-production.. DONE
            Starting my-application-dev-database.. DONE
            Starting my-application-dev.. DONE
            """,
            string.Join('\n', lines));
    }

    [Fact]
    public void Everything_already_running_gives_only_AlreadyRunning_steps()
    {
        var instances = Specs.MyApplication();
        var engine = FakeEngine.Running(instances);

        var plan = Planner.Start(instances, engine.Observed);

        Assert.True(plan.IsEmpty);
        Assert.Equal(
            """
            [1] my-application-production-database: AlreadyRunning (running, config unchanged)
            [2] after #1 my-application-production: AlreadyRunning (running, config unchanged)
            [3] my-application-dev-database: AlreadyRunning (running, config unchanged)
            [4] after #3 my-application-dev: AlreadyRunning (running, config unchanged)
            """,
            plan.ToString());
    }

    [Fact]
    public void Applying_twice_changes_nothing()
    {
        var instances = Specs.MyApplication();
        var engine = new FakeEngine();

        engine.Apply(Planner.Start(instances, engine.Observed));
        var second = Planner.Start(instances, engine.Observed);

        Assert.True(second.IsEmpty);
        Assert.All(second.Steps, s => Assert.Equal(PlanAction.AlreadyRunning, s.Action));
        Assert.Equal(4, engine.Observed.Count);
    }

    [Fact]
    public void A_changed_dev_version_replaces_only_the_dev_application_container()
    {
        var engine = FakeEngine.Running(Specs.MyApplication());
        var old = engine.Get("my-application-dev");
        var changed = Specs.MyApplication(devVersion: "1.2-dev");
        var wanted = changed[1].Containers[1];

        var plan = Planner.Start(changed, engine.Observed);

        Assert.Equal(
            $"""
            [1] my-application-production-database: AlreadyRunning (running, config unchanged)
            [2] after #1 my-application-production: AlreadyRunning (running, config unchanged)
            [3] sky-my-application-dev: EnsureNetwork (network of my-application/dev)
            [4] my-application-dev-database: AlreadyRunning (running, config unchanged)
            [5] after #3,#4 my-application-dev: Replace (config hash {old.ConfigHash} → {wanted.ConfigHash})
            """,
            plan.ToString());
        Assert.Same(old, plan.Steps[4].Existing);
        Assert.Same(wanted, plan.Steps[4].Spec);
    }

    [Fact]
    public void A_stopped_container_with_the_same_hash_is_started_not_replaced()
    {
        var instances = Specs.MyApplication();
        var engine = FakeEngine.Running(instances.Take(1));
        var database = engine.Get("my-application-production-database");
        engine.Apply(new Plan([new PlanStep(1, PlanAction.Stop, database.Name, null, database, "test", [])]));

        var plan = Planner.Start(instances.Take(1).ToList(), engine.Observed);

        Assert.Equal(
            """
            [1] sky-my-application-production: EnsureNetwork (network of my-application/production)
            [2] after #1 my-application-production-database: Start (exited, config unchanged)
            [3] after #2 my-application-production: AlreadyRunning (running, config unchanged)
            """,
            plan.ToString());
    }

    [Theory]
    [InlineData(ContainerState.Created, "created, config unchanged")]
    [InlineData(ContainerState.Paused, "paused, config unchanged")]
    [InlineData(ContainerState.Exited, "exited, config unchanged")]
    public void A_container_that_is_not_running_with_the_same_hash_is_started(ContainerState state, string reason)
    {
        // Created covers the daemon killed between create and start during an earlier apply.
        var spec = Specs.Container("web", "default");
        var engine = new FakeEngine();
        var existing = engine.Add(spec, state);

        var step = Planner.Start([Specs.Instance("web", "default", spec)], engine.Observed).Steps.Single(s => s.IsContainerStep);

        Assert.Equal(PlanAction.Start, step.Action);
        Assert.Equal(reason, step.Reason);
        Assert.Same(existing, step.Existing);
    }

    [Theory]
    [InlineData(ContainerState.Running, PlanAction.AlreadyRunning, "running, config unchanged")]
    [InlineData(ContainerState.Restarting, PlanAction.AlreadyRunning, "restarting, config unchanged")]
    [InlineData(ContainerState.Dead, PlanAction.Replace, "dead")]
    [InlineData(ContainerState.Removing, PlanAction.Replace, "being removed")]
    public void Each_state_with_the_same_hash_gets_its_action(ContainerState state, PlanAction action, string reason)
    {
        var spec = Specs.Container("web", "default");
        var engine = new FakeEngine();
        engine.Add(spec, state);

        var step = Planner.Start([Specs.Instance("web", "default", spec)], engine.Observed).Steps.Single(s => s.IsContainerStep);

        Assert.Equal((action, reason), (step.Action, step.Reason));
    }

    [Fact]
    public void A_container_without_a_config_hash_label_is_replaced()
    {
        var spec = Specs.Container("web", "default");
        var engine = new FakeEngine();
        engine.Add(spec.Name, ContainerState.Exited, spec.Labels);

        var step = Planner.Start([Specs.Instance("web", "default", spec)], engine.Observed).Steps.Single(s => s.IsContainerStep);

        Assert.Equal(PlanAction.Replace, step.Action);
        Assert.Equal($"config hash (none) → {spec.ConfigHash}", step.Reason);
    }

    [Fact]
    public void A_replaced_dependency_does_not_cascade_to_its_running_dependents()
    {
        var engine = FakeEngine.Running(Specs.MyApplication());
        var changed = Specs.MyApplication();
        var production = changed[0] with
        {
            Containers = [changed[0].Containers[0] with { Image = "cassandra:2.0" }, changed[0].Containers[1]],
        };

        var plan = Planner.Start([production], engine.Observed);

        Assert.Equal(
            [PlanAction.EnsureNetwork, PlanAction.Replace, PlanAction.AlreadyRunning],
            plan.Steps.Select(s => s.Action));
        Assert.Equal([2], plan.Steps[2].After);
    }

    [Fact]
    public void A_chain_waits_link_by_link()
    {
        var c = Specs.Container("chain", "default", role: "c");
        var b = Specs.Container("chain", "default", role: "b", dependsOn: [c.Name]);
        var a = Specs.Container("chain", "default", dependsOn: [b.Name]);

        var plan = Planner.Start([Specs.Instance("chain", "default", c, b, a)], []);

        Assert.Equal(
            """
            [1] sky-chain: EnsureNetwork (network of chain/default)
            [2] after #1 chain-c: Create (no existing container)
            [3] after #1,#2 chain-b: Create (no existing container)
            [4] after #1,#3 chain: Create (no existing container)
            """,
            plan.ToString());
    }

    [Fact]
    public void A_diamond_waits_for_both_sides()
    {
        var bottom = Specs.Container("diamond", "default", role: "store");
        var left = Specs.Container("diamond", "default", role: "left", dependsOn: [bottom.Name]);
        var right = Specs.Container("diamond", "default", role: "right", dependsOn: [bottom.Name]);
        var top = Specs.Container("diamond", "default", dependsOn: [left.Name, right.Name]);

        var plan = Planner.Start([Specs.Instance("diamond", "default", bottom, left, right, top)], []);

        Assert.Equal(
            """
            [1] sky-diamond: EnsureNetwork (network of diamond/default)
            [2] after #1 diamond-store: Create (no existing container)
            [3] after #1,#2 diamond-left: Create (no existing container)
            [4] after #1,#2 diamond-right: Create (no existing container)
            [5] after #1,#3,#4 diamond: Create (no existing container)
            """,
            plan.ToString());
    }

    [Fact]
    public void Independent_instances_wait_for_nothing_of_each_other()
    {
        var plan = Planner.Start(Specs.MyApplication(), []);

        var production = plan.Steps.Take(3).Select(s => s.Id).ToHashSet();
        Assert.All(plan.Steps.Skip(3), s => Assert.DoesNotContain(s.After, production.Contains));
    }

    [Fact]
    public void Named_volumes_are_ensured_once_and_host_folders_not_at_all()
    {
        var data = new VolumeMount("shared-data", "/data", IsHostPath: false, ReadOnly: false);
        var host = new VolumeMount("/srv/config", "/config", IsHostPath: true, ReadOnly: true);
        var one = Specs.Container("web", "one", volumes: [data, host]);
        var two = Specs.Container("web", "two", volumes: [data]);

        var plan = Planner.Start([Specs.Instance("web", "one", one), Specs.Instance("web", "two", two)], []);

        Assert.Equal(
            """
            [1] sky-web-one: EnsureNetwork (network of web/one)
            [2] shared-data: EnsureVolume (named volume)
            [3] after #1,#2 web-one: Create (no existing container)
            [4] sky-web-two: EnsureNetwork (network of web/two)
            [5] after #2,#4 web-two: Create (no existing container)
            """,
            plan.ToString());
    }

    [Fact]
    public void Replicas_each_get_their_own_step_after_the_shared_dependency()
    {
        var database = Specs.Container("web", "default", role: "database");
        var replicas = Enumerable.Range(1, 3)
            .Select(r => Specs.Container("web", "default", replica: r, dependsOn: [database.Name]))
            .ToArray();
        var engine = new FakeEngine();
        engine.Add(replicas[0]);

        var plan = Planner.Start([Specs.Instance("web", "default", [database, .. replicas])], engine.Observed);

        Assert.Equal(
            """
            [1] sky-web: EnsureNetwork (network of web/default)
            [2] after #1 web-database: Create (no existing container)
            [3] after #2 web: AlreadyRunning (running, config unchanged)
            [4] after #1,#2 web-2: Create (no existing container)
            [5] after #1,#2 web-3: Create (no existing container)
            """,
            plan.ToString());
    }
}
