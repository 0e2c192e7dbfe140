using Sky.Metrics.StatsD;

namespace Sky.Metrics.Tests.StatsD;

public sealed class KeySanitizerTests
{
    [Theory]
    [InlineData("web.requests", "web.requests")]
    [InlineData("my key", "my_key")]
    [InlineData("a \t  b", "a_b")]
    [InlineData("api/v1/users", "api-v1-users")]
    [InlineData("a!b@c#d$e%f(g)h,i*j", "abcdefghij")]
    [InlineData("Tag;env=prod", "Tag;env=prod")]
    [InlineData("snake_and-dash.9", "snake_and-dash.9")]
    [InlineData("café au\u00a0lait", "caf_au_lait")]
    [InlineData("a \u00e9 b", "a__b")]
    [InlineData("\u2003lead", "_lead")]
    public void Keys_are_cleaned_as_etsy_cleans_them(string key, string expected)
    {
        var buffer = key.ToCharArray();
        Assert.Equal(expected, new string(buffer, 0, KeySanitizer.Sanitize(buffer)));
    }

    [Fact]
    public void A_key_sent_over_statsd_is_flushed_cleaned()
    {
        var flushed = new StatsdHarness().Send("my app/logins!:1|c").Flush();
        Assert.Equal(1, flushed["stats_counts.my_app-logins"]);
    }
}
