using Sky.Supervisor.Supervision;

namespace Sky.Supervisor.Tests.Supervision;

public sealed class EngineOutagesTests
{
    private readonly ManualClock clock = new();

    [Fact]
    public void Stops_from_the_shutdown_grace_before_the_engine_went_away_until_it_answered_again_are_the_engines()
    {
        var outages = new EngineOutages(clock);
        var shuttingDown = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(8));
        outages.StreamLost(unreachable: true);
        clock.Advance(TimeSpan.FromSeconds(5));
        var duringOutage = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(5));

        outages.EngineAnswered();

        Assert.True(outages.Covers(shuttingDown));
        Assert.True(outages.Covers(duringOutage));
        Assert.False(outages.Covers(shuttingDown - EngineOutages.ShutdownGrace));
        Assert.False(outages.Covers(clock.GetUtcNow() + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_stream_that_broke_while_the_engine_stayed_reachable_is_no_outage()
    {
        var outages = new EngineOutages(clock);
        outages.StreamLost(unreachable: false);
        clock.Advance(TimeSpan.FromSeconds(1));

        outages.EngineAnswered();

        Assert.False(outages.Covers(clock.GetUtcNow() - TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void An_outage_counts_only_once_the_engine_answers_again()
    {
        var outages = new EngineOutages(clock);
        outages.StreamLost(unreachable: true);

        Assert.False(outages.Covers(clock.GetUtcNow()));
    }
}
