using Sky.Configuration.Values;

namespace Sky.Configuration.Tests.Values;

public class SuggestionsTests
{
    private static readonly string[] Keys = ["image", "requires", "replicas", "ports", "env", "timeout"];

    [Theory]
    [InlineData("imagee", "image")]
    [InlineData("requries", "requires")]
    [InlineData("port", "ports")]
    [InlineData("Image", "image")]
    [InlineData("replica", "replicas")]
    public void A_close_misspelling_suggests_the_key(string typo, string suggestion)
    {
        Assert.Equal(suggestion, Suggestions.Closest(typo, Keys));
    }

    [Theory]
    [InlineData("colour")]
    [InlineData("cpu")]
    [InlineData("x")]
    public void A_distant_word_suggests_nothing(string word)
    {
        Assert.Null(Suggestions.Closest(word, Keys));
        Assert.Equal("", Suggestions.Hint(word, Keys));
    }
}
