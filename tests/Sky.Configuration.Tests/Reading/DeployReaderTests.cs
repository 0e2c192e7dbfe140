namespace Sky.Configuration.Tests.Reading;

public class DeployReaderTests
{
    private static string Yaml(params string[] lines) => string.Join('\n', ["app:", "  image: app", .. lines]) + "\n";

    [Theory]
    [InlineData("1s", 1)]
    [InlineData("90s", 90)]
    [InlineData("1m30s", 90)]
    [InlineData("10m", 600)]
    public void A_health_timeout_of_a_second_or_more_is_read(string written, int seconds)
    {
        var state = TestConfig.Valid(Yaml($"  deploy: {{ health-timeout: {written} }}"));

        Assert.Equal(TimeSpan.FromSeconds(seconds), state.FindService("app")!.Instances.Single().Deploy.HealthTimeout);
    }

    [Theory]
    [InlineData("test.yml:3:29: app.deploy.health-timeout: '500ms' is too short a health timeout (use 1s or more)",
        "  deploy: { health-timeout: 500ms }")]
    [InlineData("test.yml:3:29: app.deploy.health-timeout: '0s' is not a duration (use 5s, 2m, 1h)",
        "  deploy: { health-timeout: 0s }")]
    [InlineData("test.yml:4:21: app.deploy.health-timeout: '999ms' is too short a health timeout (use 1s or more)",
        "  deploy:", "    health-timeout: 999ms")]
    public void A_health_timeout_under_a_second_is_one_precise_error(string expected, params string[] lines)
    {
        Assert.Equal(expected, TestConfig.SingleError(Yaml(lines)));
    }
}
