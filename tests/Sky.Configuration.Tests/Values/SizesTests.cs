using Sky.Configuration.Values;

namespace Sky.Configuration.Tests.Values;

public class SizesTests
{
    [Theory]
    [InlineData("512m", 512L * 1024 * 1024)]
    [InlineData("1g", 1073741824L)]
    [InlineData("1.5g", 1610612736L)]
    [InlineData("100k", 102400L)]
    [InlineData("2t", 2L * 1024 * 1024 * 1024 * 1024)]
    [InlineData("1048576", 1048576L)]
    [InlineData("512MB", 512L * 1024 * 1024)]
    [InlineData("1G", 1073741824L)]
    [InlineData("64kb", 65536L)]
    [InlineData("10 g", 10L * 1024 * 1024 * 1024)]
    public void Sizes_are_read_in_binary_units_whatever_the_case(string text, long bytes)
    {
        Assert.True(Sizes.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("1x")]
    [InlineData("")]
    [InlineData("g")]
    [InlineData("-1g")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("1gg")]
    [InlineData("99999999999t")]
    [InlineData("one gigabyte")]
    public void Anything_else_is_not_a_size(string text)
    {
        Assert.False(Sizes.TryParse(text, out _));
    }
}
