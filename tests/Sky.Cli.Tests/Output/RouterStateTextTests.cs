using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Tests.Output;

/// <summary>A container's place in the router as the stats and status tables say it.</summary>
public sealed class RouterStateTextTests
{
    [Theory]
    [InlineData("ready", "closed", null, "ready")]
    [InlineData("starting", "closed", null, "starting")]
    [InlineData("ready", "ejected", 3.2, "ejected 4s")]
    [InlineData("ready", "ejected", 0.0, "ejected 0s")]
    [InlineData("ready", "ejected", 90.0, "ejected 1m 30s")]
    [InlineData("ready", "probing", null, "probing")]
    [InlineData("ready", "ramping", null, "ramping")]
    public void The_breaker_shows_when_it_is_not_closed_else_the_backend_state(string state, string breaker, double? left, string expected)
    {
        Assert.Equal(expected, RouterStateText.Of(new RouterStateView(state, breaker, null, left, 1, 0)));
    }

    [Fact]
    public void A_closed_breaker_is_nothing_to_mention_in_the_status_table()
    {
        Assert.Null(RouterStateText.Breaker(new RouterStateView("ready", "closed", null, null, 0, 0)));
        Assert.Equal("-", RouterStateText.Of(null));
    }
}
