namespace Sky.Runtime.Tests;

public class DockerTimestampTests
{
    [Fact]
    public void Nine_fractional_digits_are_read_to_the_tick()
    {
        Assert.True(DockerTimestamp.TryParse("2024-05-01T12:34:56.123456789Z", out var time));

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 34, 56, TimeSpan.Zero).AddTicks(1234567), time);
    }

    [Theory]
    [InlineData("2024-05-01T12:34:56Z", 0)]
    [InlineData("2024-05-01T12:34:56.5Z", 5_000_000)]
    [InlineData("2024-05-01T14:34:56.000000001+02:00", 0)]
    public void Stamps_with_fewer_digits_or_an_offset_are_read_too(string text, long ticks)
    {
        Assert.True(DockerTimestamp.TryParse(text, out var time));

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 34, 56, TimeSpan.Zero).AddTicks(ticks), time.ToUniversalTime());
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world, not a time")]
    [InlineData("2024-05-01 12:34:56Z")]
    [InlineData("2024-05-01T12:34:56")]
    public void Anything_else_is_not_a_stamp(string text)
    {
        Assert.False(DockerTimestamp.TryParse(text, out _));
    }

    [Fact]
    public void Since_is_written_as_unix_seconds_with_nanoseconds()
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).AddTicks(1_234_567);

        Assert.Equal("1700000000.123456700", DockerTimestamp.ToUnixSeconds(time));
    }
}
