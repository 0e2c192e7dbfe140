using Sky.Api.Routing;
using Sky.Supervisor;

namespace Sky.Api.Tests.Routing;

/// <summary>The <c>window</c> of the stats endpoint: a duration of whole seconds, within the hour the router keeps.</summary>
public sealed class StatsWindowTests
{
    [Theory]
    [InlineData(null, 60)]
    [InlineData("", 60)]
    [InlineData("10s", 10)]
    [InlineData("1m30s", 90)]
    [InlineData("1h", 3600)]
    [InlineData("1.5s", 2)]
    public void A_window_reads_as_whole_seconds_and_defaults_to_a_minute(string? text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), StatsWindow.Parse(text));
    }

    [Theory]
    [InlineData("soon", "window: 'soon' is not a duration (use 5s, 2m, 1h)")]
    [InlineData("61m", "window: '61m' is out of range: the router keeps 1s to 1h of metrics")]
    [InlineData("500ms", "window: '500ms' is out of range: the router keeps 1s to 1h of metrics")]
    public void A_window_that_is_no_duration_or_out_of_range_is_a_mistake_with_where_and_what(string text, string message)
    {
        var refused = Assert.Throws<OperationException>(() => StatsWindow.Parse(text));

        Assert.Equal((OperationErrorKind.Invalid, message), (refused.Kind, refused.Message));
    }
}
