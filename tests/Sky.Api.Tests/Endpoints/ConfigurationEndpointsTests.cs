using Sky.Api.Endpoints;
using Sky.Configuration;
using Sky.Model;

namespace Sky.Api.Tests.Endpoints;

/// <summary>What <c>POST /validate</c> answers, from a loaded configuration; no daemon needed.</summary>
public sealed class ConfigurationEndpointsTests
{
    [Fact]
    public void The_validation_answer_carries_warnings_beside_a_valid_configuration()
    {
        var result = ConfigurationLoader.Load(
            [new ConfigurationFile("a.yml", "app:\n  image: app\n  alerts: [ { metric: queue.depth, above: 1 } ]\n")], new Naming());

        var answer = ConfigurationEndpoints.Answer(result);

        Assert.True(answer.Ok);
        Assert.Empty(answer.Errors);
        Assert.StartsWith("a.yml:3:23: app.alerts[0].metric: sky measures no metric 'queue.depth'", Assert.Single(answer.Warnings), StringComparison.Ordinal);
    }
}
