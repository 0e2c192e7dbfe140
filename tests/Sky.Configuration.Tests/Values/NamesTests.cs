using Sky.Configuration.Values;

namespace Sky.Configuration.Tests.Values;

public class NamesTests
{
    [Theory]
    [InlineData("my-application")]
    [InlineData("a")]
    [InlineData("db2")]
    [InlineData("0")]
    public void Lower_case_dns_labels_are_names(string name)
    {
        Assert.True(Names.IsValid(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-a")]
    [InlineData("a-")]
    [InlineData("My-App")]
    [InlineData("my_app")]
    [InlineData("my.app")]
    public void Anything_else_is_not_a_name(string name)
    {
        Assert.False(Names.IsValid(name));
    }

    [Fact]
    public void Names_are_at_most_63_characters()
    {
        Assert.True(Names.IsValid(new string('a', 63)));
        Assert.False(Names.IsValid(new string('a', 64)));
    }
}
