using Sky.Metrics.StatsD;

namespace Sky.Metrics.Tests.StatsD;

public sealed class JsNumberTests
{
    [Theory]
    [InlineData("5", 5)]
    [InlineData("-2.5", -2.5)]
    [InlineData("+3", 3)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5)]
    [InlineData("1e3", 1000)]
    [InlineData("1E-2", 0.01)]
    [InlineData(" 7 ", 7)]
    [InlineData("\u00a07", 7)]
    [InlineData("0x1f", 31)]
    [InlineData("0o17", 15)]
    [InlineData("0b101", 5)]
    [InlineData("00012", 12)]
    [InlineData("Infinity", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("1e400", double.PositiveInfinity)]
    [InlineData("", 0)]
    [InlineData("  ", 0)]
    public void Text_javascript_reads_as_a_number_is_read_as_that_number(string text, double expected)
    {
        Assert.Equal(expected, JsNumber.Parse(text));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("infinity")]
    [InlineData("1_000")]
    [InlineData(".")]
    [InlineData("1e")]
    [InlineData("e5")]
    [InlineData("+0x10")]
    [InlineData("0x")]
    [InlineData("0b2")]
    [InlineData("1,5")]
    [InlineData("5ms")]
    [InlineData("∞")]
    public void Text_javascript_reads_as_nan_is_no_number(string text)
    {
        Assert.False(JsNumber.IsNumber(text));
    }

    [Fact]
    public void Empty_text_is_no_number_for_etsy_though_javascript_reads_it_as_zero()
    {
        Assert.False(JsNumber.IsNumber(""));
        Assert.True(JsNumber.IsNumber(" "));
    }
}
