using System.Net;
using Sky.Metrics.StatsD;

namespace Sky.Metrics.Tests.StatsD;

public sealed class StatsdSettingsTests
{
    [Fact]
    public void The_defaults_are_etsys_on_loopback()
    {
        var settings = new StatsdSettings();
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 8125), settings.Listen);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.FlushInterval);
        Assert.Equal([90.0], settings.Percentiles);
        Assert.Empty(settings.ExtraUdpEndpoints);
        settings.Validate();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-100.5)]
    [InlineData(0.00001)]
    [InlineData(double.NaN)]
    public void A_percentile_outside_minus_100_to_100_or_at_zero_is_refused(double percentile)
    {
        var error = Assert.Throws<ArgumentException>(() => new StatsdSettings { Percentiles = [percentile] }.Validate());
        Assert.Contains("percentile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flush_interval_under_a_millisecond_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new StatsdSettings { FlushInterval = TimeSpan.Zero }.Validate());
    }
}
