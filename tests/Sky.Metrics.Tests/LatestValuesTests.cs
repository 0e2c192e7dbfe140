namespace Sky.Metrics.Tests;

public sealed class LatestValuesTests
{
    private static readonly MetricLabels Web = new("web", "production", "web-production");
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_series_shows_its_newest_value()
    {
        var latest = new LatestValues();

        latest.Record([new MetricPoint("cpu.percent", Web, 10, Start), new MetricPoint("memory.usage", Web, 4096, Start)]);
        latest.Record([new MetricPoint("cpu.percent", Web, 25, Start.AddSeconds(10))]);

        Assert.Equal(25, latest.Get(new MetricSeries("cpu.percent", Web))?.Value);
        Assert.Equal(4096, latest.Get(new MetricSeries("memory.usage", Web))?.Value);
        Assert.Equal([25.0, 4096.0], latest.All().Select(p => p.Value).Order());
    }

    [Fact]
    public void A_series_not_written_since_the_cutoff_is_forgotten_and_comes_back_when_written_again()
    {
        var latest = new LatestValues();
        latest.Record([new MetricPoint("cpu.percent", Web, 10, Start), new MetricPoint("memory.usage", Web, 4096, Start.AddMinutes(5))]);

        Assert.Equal(1, latest.ForgetOlderThan(Start.AddMinutes(1)));
        Assert.Null(latest.Get(new MetricSeries("cpu.percent", Web)));
        Assert.Equal(1, latest.Count);

        latest.Record([new MetricPoint("cpu.percent", Web, 30, Start.AddMinutes(6))]);
        Assert.Equal(30, latest.Get(new MetricSeries("cpu.percent", Web))?.Value);
        Assert.Equal(2, latest.Count);
    }
}
