using Sky.Api.Access;

namespace Sky.Api.Tests.Access;

public sealed class ListenScopeTests
{
    [Theory]
    [InlineData("127.0.0.1:7070", true)]
    [InlineData("127.0.0.2:7070", true)]
    [InlineData("localhost:7070", true)]
    [InlineData("[::1]:7070", true)]
    [InlineData("0.0.0.0:7070", false)]
    [InlineData("[::]:7070", false)]
    [InlineData("10.1.2.3:7070", false)]
    [InlineData("sky.example.com:7070", false)]
    public void A_listen_address_is_loopback_only_when_its_host_reaches_nothing_but_this_machine(string listen, bool loopback)
    {
        Assert.Equal(loopback, ListenScope.IsLoopback(listen));
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("web.localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("[::1]", true)]
    [InlineData("evil.example", false)]
    [InlineData("localhost.evil.example", false)]
    public void A_request_host_is_a_loopback_name_or_not(string host, bool loopback)
    {
        Assert.Equal(loopback, ListenScope.IsLoopbackHost(host));
    }
}
