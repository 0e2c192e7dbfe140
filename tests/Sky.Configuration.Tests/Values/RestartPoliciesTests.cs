using Sky.Configuration.Values;
using Sky.Model;

namespace Sky.Configuration.Tests.Values;

public class RestartPoliciesTests
{
    [Theory]
    [InlineData("no", RestartMode.No, 0)]
    [InlineData("No", RestartMode.No, 0)]
    [InlineData("on-failure", RestartMode.OnFailure, 0)]
    [InlineData("on-failure:3", RestartMode.OnFailure, 3)]
    [InlineData("always", RestartMode.Always, 0)]
    [InlineData("unless-stopped", RestartMode.UnlessStopped, 0)]
    public void Docker_s_restart_policy_names_are_read(string text, RestartMode mode, int retries)
    {
        Assert.True(RestartPolicies.TryParse(text, out var policy));
        Assert.Equal(new RestartPolicy(mode, retries), policy);
    }

    [Theory]
    [InlineData("sometimes")]
    [InlineData("on-failure:")]
    [InlineData("on-failure:-1")]
    [InlineData("on-failure:x")]
    [InlineData("always:3")]
    public void Anything_else_is_not_a_restart_policy(string text)
    {
        Assert.False(RestartPolicies.TryParse(text, out _));
    }

    [Fact]
    public void A_bare_no_in_yaml_is_the_no_policy_not_a_boolean()
    {
        var state = TestConfig.Valid("a:\n  image: x\n  restart: no\n");

        Assert.Equal(new RestartPolicy(RestartMode.No, 0), TestConfig.Container(state, "a").Restart);
    }
}
