namespace Sky.Planning.Tests;

public class PlanStepTests
{
    [Fact]
    public void A_step_prints_as_compose_prints_its_plans()
    {
        var step = new PlanStep(3, PlanAction.Create, "my-application-production", null, null, "no existing container", [1, 2]);

        Assert.Equal("[3] after #1,#2 my-application-production: Create (no existing container)", step.ToString());
    }

    [Fact]
    public void A_step_that_waits_for_nothing_leaves_out_after()
    {
        var step = new PlanStep(1, PlanAction.EnsureNetwork, "sky-web", null, null, "network of web/default", []);

        Assert.Equal("[1] sky-web: EnsureNetwork (network of web/default)", step.ToString());
    }

    [Theory]
    [InlineData(PlanAction.EnsureNetwork, "Creating network", true)]
    [InlineData(PlanAction.EnsureVolume, "Creating volume", true)]
    [InlineData(PlanAction.Create, "Starting", true)]
    [InlineData(PlanAction.Start, "Starting", true)]
    [InlineData(PlanAction.Replace, "Replacing", true)]
    [InlineData(PlanAction.Stop, "Stopping", true)]
    [InlineData(PlanAction.Remove, "Removing", true)]
    [InlineData(PlanAction.AlreadyRunning, "Starting", false)]
    [InlineData(PlanAction.AlreadyStopped, "Stopping", false)]
    public void Each_action_has_its_verb_and_says_whether_it_changes_something(PlanAction action, string verb, bool changes)
    {
        var step = new PlanStep(1, action, "x", null, null, "why", []);

        Assert.Equal((verb, changes), (step.Verb, step.ChangesSomething));
    }
}
