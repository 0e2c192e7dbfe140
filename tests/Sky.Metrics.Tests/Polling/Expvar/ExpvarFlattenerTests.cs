using System.Text;
using Sky.Metrics.Polling;
using Sky.Metrics.Polling.Expvar;

namespace Sky.Metrics.Tests.Polling.Expvar;

public sealed class ExpvarFlattenerTests
{
    // The shape of a Go program's /debug/vars: cmdline (an array), memstats (nested, with arrays inside), and the
    // program's own variables.
    private const string GoVars = """
        {
        "cmdline": ["/app/server", "-port=8080"],
        "memstats": {"Alloc": 1048576, "TotalAlloc": 73400320, "PauseNs": [1200, 800, 0], "GCCPUFraction": 0.000125, "EnableGC": true, "DebugGC": false,
            "BySize": [{"Size": 0, "Mallocs": 0}]},
        "requests": {"ok": 1027, "failed": 3},
        "version": "1.4.2",
        "started": null
        }
        """;

    [Fact]
    public void Nested_objects_become_dotted_names_and_numbers_keep_their_value()
    {
        var values = Flatten(GoVars);

        Assert.Equal(
            [
                new PolledValue("memstats.Alloc", 1048576),
                new PolledValue("memstats.TotalAlloc", 73400320),
                new PolledValue("memstats.GCCPUFraction", 0.000125),
                new PolledValue("memstats.EnableGC", 1),
                new PolledValue("memstats.DebugGC", 0),
                new PolledValue("requests.ok", 1027),
                new PolledValue("requests.failed", 3),
            ],
            values);
    }

    [Fact]
    public void Strings_arrays_and_nulls_are_left_out()
    {
        var names = Flatten(GoVars).Select(value => value.Name).ToList();

        Assert.DoesNotContain(names, name => name.StartsWith("cmdline", StringComparison.Ordinal));
        Assert.DoesNotContain(names, name => name.Contains("PauseNs", StringComparison.Ordinal));
        Assert.DoesNotContain(names, name => name.Contains("BySize", StringComparison.Ordinal));
        Assert.DoesNotContain("version", names);
        Assert.DoesNotContain("started", names);
    }

    [Theory]
    [InlineData("1e21", 1e21)]
    [InlineData("-42", -42)]
    [InlineData("0.25", 0.25)]
    [InlineData("-0.000001", -0.000001)]
    [InlineData("1E+2", 100)]
    [InlineData("18446744073709551615", 18446744073709551615d)]
    [InlineData("0", 0)]
    public void Big_negative_and_decimal_numbers_read_right(string number, double expected)
    {
        var values = Flatten($$"""{"x": {{number}}}""");

        Assert.Equal([new PolledValue("x", expected)], values);
    }

    [Fact]
    public void A_number_too_big_for_a_double_is_left_out_like_a_string()
    {
        Assert.Equal([new PolledValue("ok", 1)], Flatten("""{"huge": 1e400, "ok": 1}"""));
    }

    [Fact]
    public void Keys_that_are_not_plain_words_are_cleaned_into_one_part_of_the_name()
    {
        var values = Flatten("""{"requests": {"/api/users": 5, "a.b": 6, "with space": 7, "": 8}}""");

        Assert.Equal(["requests._api_users", "requests.a_b", "requests.with_space", "requests._"], values.Select(value => value.Name));
    }

    [Fact]
    public void Ignored_names_are_dropped_whole_or_by_subtree()
    {
        var rules = MetricNameRules.Create(["^memstats\\.(Total|GCCPU)", "^requests\\."], []);

        var names = Flatten(GoVars, rules).Select(value => value.Name);

        Assert.Equal(["memstats.Alloc", "memstats.EnableGC", "memstats.DebugGC"], names);
    }

    [Fact]
    public void Renames_rewrite_the_dotted_name_after_flattening()
    {
        var rules = MetricNameRules.Create([], [new MetricRename("^memstats\\.", "mem."), new MetricRename("^requests\\.(\\w+)$", "http.$1")]);

        var names = Flatten(GoVars, rules).Select(value => value.Name);

        Assert.Equal(["mem.Alloc", "mem.TotalAlloc", "mem.GCCPUFraction", "mem.EnableGC", "mem.DebugGC", "http.ok", "http.failed"], names);
    }

    [Fact]
    public void Ignore_patterns_see_the_names_as_published_before_any_rename()
    {
        var rules = MetricNameRules.Create(["^mem\\.", "^memstats\\.Alloc$"], [new MetricRename("^memstats\\.", "mem.")]);

        var names = Flatten("""{"memstats": {"Alloc": 1, "Sys": 2}}""", rules).Select(value => value.Name);

        Assert.Equal(["mem.Sys"], names);
    }

    [Theory]
    [InlineData("""{"a": x}""", "bad JSON at byte 6: 'x' is an invalid start of a value")]
    [InlineData("{\n\"a\": 1,\n\"b\": }", "bad JSON at byte 15")]
    [InlineData("""{"a": 1""", "bad JSON at byte 7")]
    [InlineData("", "bad JSON at byte 0")]
    public void Bad_JSON_says_at_which_byte(string json, string expected)
    {
        Assert.False(ExpvarFlattener.TryFlatten(Encoding.UTF8.GetBytes(json), MetricNameRules.None, out _, out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_that_is_not_an_object_is_an_error()
    {
        Assert.False(ExpvarFlattener.TryFlatten("[1, 2]"u8.ToArray(), MetricNameRules.None, out _, out var error));
        Assert.Equal("the answer is a JSON array, not an object of variables", error);
    }

    private static IReadOnlyList<PolledValue> Flatten(string json, MetricNameRules? rules = null)
    {
        Assert.True(ExpvarFlattener.TryFlatten(Encoding.UTF8.GetBytes(json), rules ?? MetricNameRules.None, out var values, out var error), error);
        return values;
    }
}
