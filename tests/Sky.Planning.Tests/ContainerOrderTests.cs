namespace Sky.Planning.Tests;

public class ContainerOrderTests
{
    [Fact]
    public void Dependencies_listed_after_their_dependents_are_moved_before_them()
    {
        var database = Specs.Container("web", "default", role: "database");
        var app = Specs.Container("web", "default", dependsOn: [database.Name]);

        var plan = Planner.Start([Specs.Instance("web", "default", app, database)], []);

        Assert.Equal(
            """
            [1] sky-web: EnsureNetwork (network of web/default)
            [2] after #1 web-database: Create (no existing container)
            [3] after #1,#2 web: Create (no existing container)
            """,
            plan.ToString());
    }

    [Fact]
    public void A_cycle_is_refused()
    {
        var a = Specs.Container("loop", "default", dependsOn: ["loop-b"]);
        var b = Specs.Container("loop", "default", role: "b", dependsOn: [a.Name]);

        var error = Assert.Throws<ArgumentException>(() => Planner.Start([Specs.Instance("loop", "default", a, b)], []));
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Planner.Stop([Specs.Instance("loop", "default", a, b)], []));
    }

    [Fact]
    public void A_container_wanted_twice_is_refused()
    {
        var web = Specs.Container("web", "default");

        Assert.Throws<ArgumentException>(() => Planner.Start([Specs.Instance("web", "default", web), Specs.Instance("web", "default", web)], []));
    }

    [Fact]
    public void A_dependency_on_another_instance_is_refused()
    {
        var production = Specs.Container("web", "production");
        var dev = Specs.Container("web", "dev", dependsOn: [production.Name]);

        Assert.Throws<ArgumentException>(() => Planner.Start(
            [Specs.Instance("web", "production", production), Specs.Instance("web", "dev", dev)], []));
    }

    [Fact]
    public void A_dependency_outside_the_plan_gets_no_step()
    {
        var app = Specs.Container("web", "default", dependsOn: ["somewhere-else"]);

        var plan = Planner.Start([Specs.Instance("web", "default", app)], []);

        Assert.Equal([1], plan.Steps[1].After);
    }
}
