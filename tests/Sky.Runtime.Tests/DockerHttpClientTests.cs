namespace Sky.Runtime.Tests;

public class DockerHttpClientTests
{
    [Theory]
    [InlineData("1.41", "1.41")]
    [InlineData("1.45", "1.45")]
    [InlineData("1.50", "1.45")]
    [InlineData(null, "1.24")]
    [InlineData("garbage", "1.24")]
    public void The_version_spoken_is_the_older_of_the_engine_and_1_45(string? engine, string spoken)
    {
        Assert.Equal(spoken, DockerHttpClient.ChooseVersion(engine));
    }

    [Fact]
    public async Task The_engine_here_is_spoken_to_in_its_own_older_version()
    {
        using var client = new DockerHttpClient(DockerEndpoint.FromEnvironment());

        var version = await client.GetApiVersionAsync(CancellationToken.None);

        Assert.True(Version.Parse(version) <= new Version(1, 45));
        Assert.Equal($"/v{version}/containers/json", await client.VersionedPathAsync("/containers/json", CancellationToken.None));
    }

    [Fact]
    public async Task An_engine_refusal_carries_its_status_and_message()
    {
        using var client = new DockerHttpClient(DockerEndpoint.FromEnvironment());

        var error = await Assert.ThrowsAsync<EngineException>(
            () => client.GetJsonAsync("/containers/skyrt-no-such-container/json", CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("No such container: skyrt-no-such-container", error.Message, StringComparison.Ordinal);
    }
}
