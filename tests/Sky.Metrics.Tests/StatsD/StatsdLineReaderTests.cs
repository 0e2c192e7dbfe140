namespace Sky.Metrics.Tests.StatsD;

public sealed class StatsdLineReaderTests
{
    [Fact]
    public void A_counter_adds_up_its_values_and_is_flushed_as_a_count_and_a_rate_per_second()
    {
        var flushed = new StatsdHarness().Send("logins:1|c", "logins:4|c").Flush();
        Assert.Equal(5, flushed["stats_counts.logins"]);
        Assert.Equal(0.5, flushed["stats.logins"]);
    }

    [Fact]
    public void A_counter_with_a_sample_rate_counts_each_value_as_one_over_the_rate()
    {
        var flushed = new StatsdHarness().Send("hits:1|c|@0.1", "hits:2|c|@0.5").Flush();
        Assert.Equal(14, flushed["stats_counts.hits"], 12);
    }

    [Fact]
    public void A_counter_without_a_value_is_a_bad_line_but_an_unknown_type_or_h_is_a_counter_as_in_etsy()
    {
        var flushed = new StatsdHarness().Send("a:|c", "b:3|h", "c:2|whatever").Flush();
        Assert.False(flushed.Has("stats_counts.a"));
        Assert.Equal(1, flushed["stats_counts.statsd.bad_lines_seen"]);
        Assert.Equal(3, flushed["stats_counts.b"]);
        Assert.Equal(2, flushed["stats_counts.c"]);
        Assert.False(flushed.Has("stats.timers.b.count"));
    }

    [Fact]
    public void A_plain_gauge_value_sets_it_and_a_signed_one_moves_it()
    {
        var flushed = new StatsdHarness().Send("queue:10|g", "queue:+5|g", "queue:-3|g").Flush();
        Assert.Equal(12, flushed["stats.gauges.queue"]);
        Assert.Equal(-4, new StatsdHarness().Send("fresh:-4|g").Flush()["stats.gauges.fresh"]);
    }

    [Fact]
    public void A_signed_gauge_value_sets_a_gauge_at_zero_as_etsy_does_which_is_the_same_sum()
    {
        var flushed = new StatsdHarness().Send("g:0|g", "g:+7|g").Flush();
        Assert.Equal(7, flushed["stats.gauges.g"]);
    }

    [Fact]
    public void A_set_counts_distinct_members_and_an_empty_member_is_zero()
    {
        var flushed = new StatsdHarness().Send("users:ann|s", "users:bob|s", "users:ann|s", "users:|s", "users:0|s").Flush();
        Assert.Equal(3, flushed["stats.sets.users.count"]);
    }

    [Fact]
    public void A_timer_with_a_sample_rate_counts_calls_as_one_over_the_rate_but_keeps_each_value_once()
    {
        var flushed = new StatsdHarness().Send("db:10|ms|@0.5", "db:20|ms").Flush();
        Assert.Equal(3, flushed["stats.timers.db.count"]);
        Assert.Equal(0.3, flushed["stats.timers.db.count_ps"], 12);
        Assert.Equal(30, flushed["stats.timers.db.sum"]);
    }

    [Fact]
    public void A_negative_timing_is_a_bad_line()
    {
        var flushed = new StatsdHarness().Send("db:-1|ms").Flush();
        Assert.Equal(1, flushed["stats_counts.statsd.bad_lines_seen"]);
        Assert.False(flushed.Has("stats.timers.db.count"));
    }

    [Fact]
    public void Several_values_after_one_key_each_count_and_a_bad_one_among_them_is_one_bad_line()
    {
        var flushed = new StatsdHarness().Send("a:1|c:2|c:x|c:5|ms").Flush();
        Assert.Equal(3, flushed["stats_counts.a"]);
        Assert.Equal(5, flushed["stats.timers.a.sum"]);
        Assert.Equal(1, flushed["stats_counts.statsd.bad_lines_seen"]);
        Assert.Equal(1, flushed["stats_counts.statsd.metrics_received"]);
    }

    [Theory]
    [InlineData("no_colon")]
    [InlineData("k:1")]
    [InlineData("k:1|c|0.5")]
    [InlineData("k:1|c|@")]
    [InlineData("k:1|c|@-0.5")]
    [InlineData("k:1|c|@x")]
    [InlineData("k:abc|g")]
    [InlineData("k:NaN|c")]
    [InlineData("k:1|c|")]
    [InlineData("k:")]
    public void Lines_etsy_rejects_count_as_bad_lines_and_change_nothing_else(string line)
    {
        var flushed = new StatsdHarness().Send(line).Flush();
        Assert.Equal(1, flushed["stats_counts.statsd.bad_lines_seen"]);
        Assert.DoesNotContain(flushed.Names, n => n.Contains(".k", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sample_rate_etsy_would_crash_on_is_a_bad_line_here()
    {
        // etsy's /^@([\d\.]+)/ finds no digits in "@+0.5" after its check passed, and its process ends.
        Assert.Equal(1, new StatsdHarness().Send("k:1|c|@+0.5").Flush()["stats_counts.statsd.bad_lines_seen"]);
    }

    [Fact]
    public void A_sample_rate_is_read_from_its_leading_digits_and_dots_only_as_in_etsy()
    {
        Assert.Equal(1, new StatsdHarness().Send("k:1|c|@1e-1").Flush()["stats_counts.k"]);
    }

    [Fact]
    public void A_sample_rate_on_a_gauge_or_a_set_is_checked_but_not_used()
    {
        var flushed = new StatsdHarness().Send("g:3|g|@0.1", "s:x|s|@0.5", "bad:3|g|@no").Flush();
        Assert.Equal(3, flushed["stats.gauges.g"]);
        Assert.Equal(1, flushed["stats.sets.s.count"]);
        Assert.Equal(1, flushed["stats_counts.statsd.bad_lines_seen"]);
    }

    [Fact]
    public void A_type_with_white_space_is_checked_as_written_and_recorded_trimmed_as_in_etsy()
    {
        // "ms " is no "ms" for etsy's check (so a negative value passes) but "ms" once trimmed.
        var flushed = new StatsdHarness().Send("t:-5|ms ").Flush();
        Assert.Equal(-5, flushed["stats.timers.t.sum"]);
    }

    [Fact]
    public void Tags_become_graphite_tags_after_the_whole_name()
    {
        var flushed = new StatsdHarness().Send("req:1|c|#env:prod,zone:a", "lat:5|ms|#env:prod").Flush();
        Assert.Equal(1, flushed["stats_counts.req;env=prod;zone=a"]);
        Assert.Equal(5, flushed["stats.timers.lat.sum;env=prod"]);
    }

    [Fact]
    public void Only_the_first_colon_and_semicolon_of_a_tag_are_replaced_and_the_rest_is_sanitised()
    {
        var flushed = new StatsdHarness().Send("k:1|c|#a:b:c;d;e").Flush();
        Assert.Equal(1, flushed["stats_counts.k;a=bc_d;e"]);
    }
}
