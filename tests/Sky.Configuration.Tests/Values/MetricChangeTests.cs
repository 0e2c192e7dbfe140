using Sky.Configuration.Values;

namespace Sky.Configuration.Tests.Values;

public class MetricChangeTests
{
    [Theory]
    [InlineData("-50%", -0.5, true, "-50%")]
    [InlineData("+50%", 0.5, true, "+50%")]
    [InlineData("-100%", -1.0, true, "-100%")]
    [InlineData("+250%", 2.5, true, "+250%")]
    [InlineData("-12.5 %", -0.125, true, "-12.5%")]
    [InlineData("-100", -100.0, false, "-100")]
    [InlineData("+0.5", 0.5, false, "+0.5")]
    public void A_signed_amount_is_a_change_relative_with_a_percent_sign(string text, double value, bool relative, string written)
    {
        Assert.True(MetricChange.TryParse(text, out var change));

        Assert.Equal((value, relative, written), (change!.Value, change.IsRelative, change.ToString()));
    }

    [Theory]
    [InlineData("50%")]
    [InlineData("100")]
    [InlineData("-0%")]
    [InlineData("+0")]
    [InlineData("-150%")]
    [InlineData("-")]
    [InlineData("%")]
    [InlineData("half")]
    [InlineData("-1e3")]
    public void An_unsigned_zero_impossible_or_unreadable_amount_is_no_change(string text)
    {
        Assert.False(MetricChange.TryParse(text, out _));
    }
}
