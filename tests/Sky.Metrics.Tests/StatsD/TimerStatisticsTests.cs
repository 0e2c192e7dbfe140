namespace Sky.Metrics.Tests.StatsD;

public sealed class TimerStatisticsTests
{
    private static readonly int[] Shuffled = [7, 3, 10, 1, 5, 2, 9, 4, 8, 6];

    private static Flushed OneToTen(params double[] percentiles)
    {
        var harness = new StatsdHarness(new() { Percentiles = percentiles.Length == 0 ? [90] : percentiles });

        // Out of order, and in one packet: the statistics sort the values.
        return harness.Send(string.Join('\n', Shuffled.Select(v => $"t:{v}|ms"))).Flush();
    }

    [Fact]
    public void A_timer_reports_count_rate_bounds_sum_sum_of_squares_mean_median_and_population_deviation()
    {
        var flushed = OneToTen();
        Assert.Equal(10, flushed["stats.timers.t.count"]);
        Assert.Equal(1, flushed["stats.timers.t.count_ps"]);
        Assert.Equal(1, flushed["stats.timers.t.lower"]);
        Assert.Equal(10, flushed["stats.timers.t.upper"]);
        Assert.Equal(55, flushed["stats.timers.t.sum"]);
        Assert.Equal(385, flushed["stats.timers.t.sum_squares"]);
        Assert.Equal(5.5, flushed["stats.timers.t.mean"]);
        Assert.Equal(5.5, flushed["stats.timers.t.median"]);
        Assert.Equal(Math.Sqrt(8.25), flushed["stats.timers.t.std"], 12);
    }

    [Fact]
    public void The_90th_percentile_covers_the_lowest_nine_of_ten_values()
    {
        var flushed = OneToTen();
        Assert.Equal(9, flushed["stats.timers.t.count_90"]);
        Assert.Equal(9, flushed["stats.timers.t.upper_90"]);
        Assert.Equal(45, flushed["stats.timers.t.sum_90"]);
        Assert.Equal(5, flushed["stats.timers.t.mean_90"]);
        Assert.Equal(285, flushed["stats.timers.t.sum_squares_90"]);
    }

    [Fact]
    public void A_negative_percentile_covers_the_highest_values_and_is_named_top()
    {
        var flushed = OneToTen(-20);
        Assert.Equal(2, flushed["stats.timers.t.count_top20"]);
        Assert.Equal(9, flushed["stats.timers.t.lower_top20"]);
        Assert.Equal(19, flushed["stats.timers.t.sum_top20"]);
        Assert.Equal(9.5, flushed["stats.timers.t.mean_top20"]);
        Assert.Equal(181, flushed["stats.timers.t.sum_squares_top20"]);
    }

    [Fact]
    public void A_fractional_percentile_is_named_with_an_underscore_and_rounds_half_up_as_javascript()
    {
        var flushed = OneToTen(99.9, 45);
        Assert.Equal(10, flushed["stats.timers.t.count_99_9"]);
        Assert.Equal(10, flushed["stats.timers.t.upper_99_9"]);

        // 45% of 10 is 4.5: JavaScript's Math.round makes it 5 (.NET's default would make it 4).
        Assert.Equal(5, flushed["stats.timers.t.count_45"]);
    }

    [Fact]
    public void A_percentile_that_holds_no_value_is_left_out()
    {
        var flushed = OneToTen(1);
        Assert.DoesNotContain(flushed.Names, n => n.EndsWith("_1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_value_is_every_statistic_and_every_percentile()
    {
        var flushed = new StatsdHarness(new() { Percentiles = [50, -10] }).Send("one:4|ms").Flush();
        Assert.Equal(4, flushed["stats.timers.one.median"]);
        Assert.Equal(0, flushed["stats.timers.one.std"]);
        Assert.Equal(1, flushed["stats.timers.one.count_50"]);
        Assert.Equal(4, flushed["stats.timers.one.upper_50"]);
        Assert.Equal(16, flushed["stats.timers.one.sum_squares_top10"]);
        Assert.Equal(4, flushed["stats.timers.one.lower_top10"]);
    }

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value()
    {
        Assert.Equal(5, new StatsdHarness().Send("m:9|ms\nm:1|ms\nm:5|ms").Flush()["stats.timers.m.median"]);
    }

    [Fact]
    public void Statistics_are_named_in_etsys_order()
    {
        var flushed = new StatsdHarness().Send("t:1|ms").Flush();
        Assert.Equal(
            ["count_90", "mean_90", "upper_90", "sum_90", "sum_squares_90", "std", "upper", "lower", "count", "count_ps", "sum", "sum_squares", "mean", "median"],
            flushed.NamesUnder("stats.timers.t.").Select(n => n["stats.timers.t.".Length..]));
    }
}
