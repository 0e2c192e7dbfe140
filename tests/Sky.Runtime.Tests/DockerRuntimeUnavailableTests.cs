using System.Net.Sockets;

namespace Sky.Runtime.Tests;

public class DockerRuntimeUnavailableTests
{
    [Fact]
    public async Task A_missing_socket_says_where_sky_looked_and_what_to_do()
    {
        using var runtime = new DockerRuntime("unix:///tmp/nonexistent.sock");

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => runtime.PingAsync(CancellationToken.None));

        Assert.Equal(
            "Cannot reach the Docker engine at unix:///tmp/nonexistent.sock: the socket does not exist. Start the engine (dockerd) or point DOCKER_HOST at it.",
            error.Message);
    }

    [Fact]
    public async Task Every_call_reports_the_unreachable_engine_the_same_way()
    {
        using var runtime = new DockerRuntime("unix:///tmp/nonexistent.sock");

        await Assert.ThrowsAsync<EngineUnavailableException>(() => runtime.ListContainersAsync(new Dictionary<string, string?>(), CancellationToken.None));
        await Assert.ThrowsAsync<EngineUnavailableException>(() => runtime.AttachAsync("x", CancellationToken.None));
        await Assert.ThrowsAsync<EngineUnavailableException>(async () =>
        {
            await foreach (var _ in runtime.GetEventsAsync(new Dictionary<string, string?>(), null, CancellationToken.None))
            {
            }
        });
    }

    [Fact]
    public async Task A_socket_nobody_listens_on_is_a_refused_connection()
    {
        var path = Path.Combine(Path.GetTempPath(), "skyrt-" + Guid.NewGuid().ToString("N")[..8] + ".sock");

        // Bound but never listening: the socket file exists and connecting to it is refused.
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        using var runtime = new DockerRuntime("unix://" + path);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => runtime.PingAsync(CancellationToken.None));

        Assert.StartsWith($"Cannot reach the Docker engine at unix://{path}: the connection was refused", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Start the engine (dockerd) or point DOCKER_HOST at it.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tcp_port_nobody_listens_on_is_a_refused_connection()
    {
        using var runtime = new DockerRuntime("tcp://127.0.0.1:1");

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => runtime.PingAsync(CancellationToken.None));

        Assert.StartsWith("Cannot reach the Docker engine at tcp://127.0.0.1:1: the connection was refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_DOCKER_HOST_sky_cannot_use_is_reported_as_an_unavailable_engine()
    {
        // The value is passed in rather than set in the environment, which the tests running alongside read.
        var error = Assert.Throws<EngineUnavailableException>(() => DockerRuntime.FromDockerHost("ssh://me@host"));

        Assert.Equal(
            "DOCKER_HOST is set to something sky cannot use: 'ssh://me@host' is not a Docker endpoint sky can use: write unix:///path/to/docker.sock or tcp://host:port.",
            error.Message);
    }

    [Fact]
    public void An_empty_DOCKER_HOST_means_the_default_socket()
    {
        using var runtime = DockerRuntime.FromDockerHost(string.Empty);

        Assert.Equal("unix:///var/run/docker.sock", runtime.Endpoint.ToString());
    }
}
