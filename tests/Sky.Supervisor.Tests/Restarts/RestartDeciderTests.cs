using Sky.Model;
using Sky.Supervisor.Restarts;

namespace Sky.Supervisor.Tests.Restarts;

public sealed class RestartDeciderTests
{
    private static readonly RestartPolicy No = new(RestartMode.No, 0);
    private static readonly RestartPolicy OnFailure3 = new(RestartMode.OnFailure, 3);
    private static readonly RestartPolicy Always = new(RestartMode.Always, 0);
    private static readonly RestartPolicy UnlessStopped = new(RestartMode.UnlessStopped, 0);

    [Theory]
    [InlineData(ContainerEnd.Failed, RestartVerdict.Leave)]
    [InlineData(ContainerEnd.Unhealthy, RestartVerdict.Leave)]
    [InlineData(ContainerEnd.Removed, RestartVerdict.Restart)]
    public void No_leaves_everything_but_recreates_a_removed_container(ContainerEnd end, RestartVerdict verdict) =>
        Assert.Equal(verdict, RestartDecider.Decide(No, end, 0));

    [Theory]
    [InlineData(ContainerEnd.Failed, RestartVerdict.Restart)]
    [InlineData(ContainerEnd.Unhealthy, RestartVerdict.Restart)]
    [InlineData(ContainerEnd.Succeeded, RestartVerdict.Leave)]
    [InlineData(ContainerEnd.StoppedByHand, RestartVerdict.Leave)]
    [InlineData(ContainerEnd.FoundStopped, RestartVerdict.Leave)]
    public void On_failure_restarts_failures_only(ContainerEnd end, RestartVerdict verdict) =>
        Assert.Equal(verdict, RestartDecider.Decide(OnFailure3, end, 0));

    [Fact]
    public void On_failure_crash_loops_once_its_retries_are_used_up()
    {
        Assert.Equal(RestartVerdict.Restart, RestartDecider.Decide(OnFailure3, ContainerEnd.Failed, 2));
        Assert.Equal(RestartVerdict.CrashLoop, RestartDecider.Decide(OnFailure3, ContainerEnd.Failed, 3));
    }

    [Fact]
    public void On_failure_without_a_count_never_gives_up() =>
        Assert.Equal(RestartVerdict.Restart, RestartDecider.Decide(new RestartPolicy(RestartMode.OnFailure, 0), ContainerEnd.Failed, 100));

    [Theory]
    [InlineData(ContainerEnd.Succeeded)]
    [InlineData(ContainerEnd.StoppedByHand)]
    [InlineData(ContainerEnd.FoundStopped)]
    [InlineData(ContainerEnd.Failed)]
    public void Always_restarts_whatever_the_end(ContainerEnd end) =>
        Assert.Equal(RestartVerdict.Restart, RestartDecider.Decide(Always, end, 50));

    [Theory]
    [InlineData(ContainerEnd.Succeeded, RestartVerdict.Restart)]
    [InlineData(ContainerEnd.Failed, RestartVerdict.Restart)]
    [InlineData(ContainerEnd.StoppedByHand, RestartVerdict.Leave)]
    [InlineData(ContainerEnd.FoundStopped, RestartVerdict.Leave)]
    public void Unless_stopped_respects_a_stop(ContainerEnd end, RestartVerdict verdict) =>
        Assert.Equal(verdict, RestartDecider.Decide(UnlessStopped, end, 0));

    [Fact]
    public void A_container_the_engine_stopped_on_its_way_down_restarts_under_every_policy_but_no_and_never_crash_loops()
    {
        Assert.Equal(RestartVerdict.Leave, RestartDecider.Decide(No, ContainerEnd.EngineStopped, 0));
        Assert.Equal(RestartVerdict.Restart, RestartDecider.Decide(OnFailure3, ContainerEnd.EngineStopped, 3));
        Assert.Equal(RestartVerdict.Restart, RestartDecider.Decide(Always, ContainerEnd.EngineStopped, 0));
        Assert.Equal(RestartVerdict.Restart, RestartDecider.Decide(UnlessStopped, ContainerEnd.EngineStopped, 0));
    }
}
