namespace Sky.Contracts.Tests;

/// <summary>Durations in tables and messages: tenths of a second under a minute, then the two largest units.</summary>
public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(0.04, "0.0s")]
    [InlineData(0.1, "0.1s")]
    [InlineData(0.0817, "0.1s")]
    [InlineData(12.34, "12.3s")]
    [InlineData(59.96, "1m 0s")]
    [InlineData(125, "2m 5s")]
    [InlineData(3723, "1h 2m")]
    [InlineData(93784, "1d 2h")]
    public void A_duration_reads_in_the_two_largest_units_with_tenths_under_a_minute(double seconds, string text) =>
        Assert.Equal(text, HumanDuration.Format(seconds));

    [Fact]
    public void No_duration_is_a_dash() => Assert.Equal("-", HumanDuration.Format((double?)null));
}
