using System.Text;
using Sky.Metrics.StatsD;

namespace Sky.Metrics.Tests.StatsD;

public sealed class StatsdCollectorTests
{
    [Fact]
    public void Before_anything_arrives_a_flush_holds_statsds_own_counters_at_zero()
    {
        var flushed = new StatsdHarness().Flush();
        Assert.Equal(
            [
                "stats.statsd.bad_lines_seen", "stats_counts.statsd.bad_lines_seen",
                "stats.statsd.packets_received", "stats_counts.statsd.packets_received",
                "stats.statsd.metrics_received", "stats_counts.statsd.metrics_received",
                "statsd.numStats", "stats.statsd.processing_time",
            ],
            flushed.Names);
        Assert.All(flushed.Points.Where(p => p.Name != "statsd.numStats"), p => Assert.Equal(0, p.Value));
        Assert.Equal(3, flushed["statsd.numStats"]);
    }

    [Fact]
    public void A_packet_of_several_lines_is_one_packet_and_one_metric_a_non_empty_line()
    {
        var flushed = new StatsdHarness().Send("a:1|c\nb:2|c\n\nc:3|g\n", "d:1|c").Flush();
        Assert.Equal(2, flushed["stats_counts.statsd.packets_received"]);
        Assert.Equal(4, flushed["stats_counts.statsd.metrics_received"]);
        Assert.Equal(0.4, flushed["stats.statsd.metrics_received"], 12);
        Assert.Equal(1, flushed["stats_counts.a"]);
        Assert.Equal(2, flushed["stats_counts.b"]);
        Assert.Equal(3, flushed["stats.gauges.c"]);
    }

    [Fact]
    public void An_empty_packet_is_a_packet_with_no_metric()
    {
        var flushed = new StatsdHarness().Send("").Flush();
        Assert.Equal(1, flushed["stats_counts.statsd.packets_received"]);
        Assert.Equal(0, flushed["stats_counts.statsd.metrics_received"]);
    }

    [Fact]
    public void After_a_flush_counters_are_zero_timers_and_sets_empty_and_gauges_keep_their_value_all_still_flushed()
    {
        var harness = new StatsdHarness();
        harness.Send("c:5|c\nt:3|ms\ng:7|g\ns:x|s").Flush();
        var next = harness.Flush();
        Assert.Equal(0, next["stats_counts.c"]);
        Assert.Equal(0, next["stats.c"]);
        Assert.Equal(["stats.timers.t.count", "stats.timers.t.count_ps"], next.NamesUnder("stats.timers.t."));
        Assert.Equal(0, next["stats.timers.t.count"]);
        Assert.Equal(0, next["stats.sets.s.count"]);
        Assert.Equal(7, next["stats.gauges.g"]);
    }

    [Fact]
    public void A_gauge_moved_after_a_flush_moves_from_its_kept_value()
    {
        var harness = new StatsdHarness();
        harness.Send("g:7|g").Flush();
        Assert.Equal(9, harness.Send("g:+2|g").Flush()["stats.gauges.g"]);
    }

    [Fact]
    public void NumStats_counts_every_counter_timer_gauge_and_set_key_statsds_own_included()
    {
        var flushed = new StatsdHarness().Send("c:1|c\nt:1|ms\nu:1|ms\ng:1|g\ns:1|s").Flush();
        Assert.Equal(3 + 1 + 2 + 1 + 1, flushed["statsd.numStats"]);
    }

    [Fact]
    public void From_the_second_flush_on_the_timestamp_lag_gauge_says_how_late_a_flush_was()
    {
        var harness = new StatsdHarness();
        Assert.False(harness.Flush().Has("stats.gauges.statsd.timestamp_lag"));
        Assert.Equal(0, harness.Flush()["stats.gauges.statsd.timestamp_lag"]);
        harness.Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(3, harness.Flush()["stats.gauges.statsd.timestamp_lag"]);
    }

    [Fact]
    public void Every_point_is_at_the_flush_time_and_has_no_labels()
    {
        var harness = new StatsdHarness();
        var flushed = harness.Send("a:1|c").Flush();
        Assert.All(flushed.Points, p => Assert.Equal(StatsdHarness.Start + harness.Settings.FlushInterval, p.Time));
        Assert.All(flushed.Points, p => Assert.Same(MetricLabels.None, p.Labels));
    }

    [Fact]
    public void Rates_are_per_second_of_the_configured_flush_interval()
    {
        var flushed = new StatsdHarness(new() { FlushInterval = TimeSpan.FromSeconds(2) }).Send("a:3|c\nt:1|ms").Flush();
        Assert.Equal(1.5, flushed["stats.a"]);
        Assert.Equal(0.5, flushed["stats.timers.t.count_ps"]);
    }

    [Fact]
    public void A_datagram_is_utf8_whose_non_ascii_white_space_becomes_an_underscore()
    {
        var flushed = new StatsdHarness().SendBytes(Encoding.UTF8.GetBytes("a\u00a0b\u00e9:1|c"), StatsdPacketText.Utf8).Flush();
        Assert.Equal(1, flushed["stats_counts.a_b"]);
    }

    [Fact]
    public void Tcp_text_has_its_high_bits_cleared_as_nodes_ascii_decoding_does()
    {
        // 0xA0 is a space without its high bit, 0xE9 an "i".
        byte[] packet = [.. "a"u8, 0xa0, .. "b"u8, 0xe9, .. ":1|c\n"u8];
        var flushed = new StatsdHarness().SendBytes(packet, StatsdPacketText.HighBitCleared).Flush();
        Assert.Equal(1, flushed["stats_counts.a_bi"]);
    }

    [Fact]
    public void A_packet_larger_than_the_usual_buffer_is_read_whole()
    {
        var lines = string.Join('\n', Enumerable.Range(0, 20_000).Select(_ => "big:1|c"));
        Assert.Equal(20_000, new StatsdHarness().Send(lines).Flush()["stats_counts.big"]);
    }
}
