namespace Sky.Runtime.Tests;

public class DockerEndpointTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_unset_DOCKER_HOST_means_the_default_socket(string? value)
    {
        var endpoint = DockerEndpoint.Parse(value);

        Assert.True(endpoint.IsUnixSocket);
        Assert.Equal("/var/run/docker.sock", endpoint.SocketPath);
        Assert.Equal("unix:///var/run/docker.sock", endpoint.ToString());
    }

    [Fact]
    public void A_unix_address_names_the_socket_path()
    {
        var endpoint = DockerEndpoint.Parse("unix:///run/user/1000/docker.sock");

        Assert.True(endpoint.IsUnixSocket);
        Assert.Equal("/run/user/1000/docker.sock", endpoint.SocketPath);
        Assert.Null(endpoint.Host);
    }

    [Fact]
    public void A_bare_absolute_path_is_taken_as_a_unix_socket()
    {
        Assert.Equal("/tmp/d.sock", DockerEndpoint.Parse("/tmp/d.sock").SocketPath);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:2376", "127.0.0.1", 2376, "tcp://127.0.0.1:2376")]
    [InlineData("tcp://docker.example:1234/", "docker.example", 1234, "tcp://docker.example:1234")]
    [InlineData("tcp://localhost", "localhost", 2375, "tcp://localhost:2375")]
    [InlineData("TCP://[::1]:2375", "::1", 2375, "tcp://[::1]:2375")]
    public void A_tcp_address_names_host_and_port_with_2375_by_default(string value, string host, int port, string shown)
    {
        var endpoint = DockerEndpoint.Parse(value);

        Assert.False(endpoint.IsUnixSocket);
        Assert.Equal(host, endpoint.Host);
        Assert.Equal(port, endpoint.Port);
        Assert.Equal(shown, endpoint.ToString());
    }

    [Theory]
    [InlineData("ssh://me@host")]
    [InlineData("npipe:////./pipe/docker_engine")]
    [InlineData("unix://relative.sock")]
    [InlineData("tcp://")]
    [InlineData("tcp://host:notaport")]
    [InlineData("tcp://host:70000")]
    [InlineData("tcp://[::1")]
    [InlineData("docker.sock")]
    public void An_address_sky_cannot_use_is_a_format_error_that_says_what_to_write(string value)
    {
        var error = Assert.Throws<FormatException>(() => DockerEndpoint.Parse(value));

        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unix_endpoint_talks_to_a_placeholder_host_and_tcp_to_its_own()
    {
        Assert.Equal("http://docker/", DockerEndpoint.Parse("unix:///x.sock").BaseAddress.ToString());
        Assert.Equal("http://10.0.0.5:2375/", DockerEndpoint.Parse("tcp://10.0.0.5:2375").BaseAddress.ToString());
    }
}
