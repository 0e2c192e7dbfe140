using Sky.Metrics.Polling;

namespace Sky.Metrics.Tests.Polling;

public sealed class MetricNameRulesTests
{
    [Fact]
    public void No_rules_publish_every_name_as_it_is()
    {
        Assert.Equal("memstats.Alloc", MetricNameRules.None.Apply("memstats.Alloc"));
    }

    [Fact]
    public void Renames_apply_in_order_each_to_what_the_one_before_left()
    {
        var rules = MetricNameRules.Create([], [new MetricRename("^memstats\\.", "mem."), new MetricRename("^mem\\.(.*)Sys$", "mem.sys.$1")]);

        Assert.Equal("mem.sys.BuckHash", rules.Apply("memstats.BuckHashSys"));
        Assert.Equal("mem.Alloc", rules.Apply("memstats.Alloc"));
    }

    [Fact]
    public void A_rename_that_leaves_nothing_drops_the_name()
    {
        var rules = MetricNameRules.Create([], [new MetricRename("^debug\\..*", "")]);

        Assert.Null(rules.Apply("debug.anything"));
        Assert.Equal("kept", rules.Apply("kept"));
    }

    [Fact]
    public void Bad_patterns_are_named_with_what_is_wrong()
    {
        var problems = MetricNameRules.Check(["(unclosed", "^fine$"], [new MetricRename("[", "x"), new MetricRename("", "y")]);

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("ignore: '(unclosed' is not a regular expression", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("rename: 'from' '[' is not a regular expression", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("rename: an empty 'from' matches every name", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Lookarounds_are_refused_since_every_pattern_runs_in_linear_time()
    {
        var problems = MetricNameRules.Check(["^(?!memstats)"], []);

        Assert.Contains("lookaround", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Creating_rules_from_bad_patterns_throws_with_the_problems()
    {
        var e = Assert.Throws<ArgumentException>(() => MetricNameRules.Create(["("], []));

        Assert.Contains("'(' is not a regular expression", e.Message, StringComparison.Ordinal);
    }
}
