using Sky.Metrics.StatsD;

namespace Sky.Metrics.Tests.StatsD;

public sealed class PercentileNameTests
{
    [Theory]
    [InlineData(90, "90")]
    [InlineData(99.9, "99_9")]
    [InlineData(-10, "top10")]
    [InlineData(-99.5, "top99_5")]
    [InlineData(0.0001, "0_0001")]
    [InlineData(33.333333333333336, "33_333333333333336")]
    public void A_percentile_is_named_as_etsy_prints_it(double percentile, string name)
    {
        Assert.Equal(name, PercentileName.Of(percentile));
    }
}
