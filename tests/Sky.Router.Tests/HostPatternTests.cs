using Sky.Model.Routing;

namespace Sky.Router.Tests;

public class HostPatternTests
{
    [Theory]
    [InlineData("my-application.localhost", "my-application.localhost", true)]
    [InlineData("My-Application.localhost", "my-application.localhost", true)]
    [InlineData("my-application.localhost", "dev.my-application.localhost", false)]
    [InlineData("*.example.com", "api.example.com", true)]
    [InlineData("*.example.com", "a.b.example.com", true)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("example.*", "example.org", true)]
    [InlineData("example.*", "example", false)]
    [InlineData("example.*", "www.example.org", false)]
    [InlineData(@"~^api\d+\.example\.com$", "api42.example.com", true)]
    [InlineData(@"~^api\d+\.example\.com$", "api.example.com", false)]
    public void A_name_matches_as_nginx_proxy_users_expect(string pattern, string host, bool matches)
    {
        var parsed = HostPattern.TryParse(pattern, out var error);

        Assert.Null(error);
        Assert.Equal(matches, parsed!.Matches(host));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("~([a-z", "no valid regular expression")]
    [InlineData("api.*.example.com", "wildcard in the middle")]
    [InlineData("example.com:8080", "no host name")]
    public void A_name_that_is_no_host_name_says_what_is_wrong(string pattern, string expected)
    {
        Assert.Null(HostPattern.TryParse(pattern, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comma_list_gives_each_name_and_each_mistake()
    {
        var patterns = HostPattern.ParseList("a.localhost, *.b.localhost,, x.*.y", out var errors);

        Assert.Equal(["a.localhost", "*.b.localhost"], patterns.Select(p => p.Text));
        Assert.Single(errors);
    }
}
