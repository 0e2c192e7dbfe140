using Sky.Api.Routing;
using Sky.Model;
using Sky.Router;

namespace Sky.Api.Tests.Routing;

/// <summary>The URLs an instance is reached at through the router, from its containers' <c>VIRTUAL_HOST</c> and the router's port.</summary>
public sealed class RoutedAddressesTests
{
    private static readonly RouterAddresses Router = new() { Http = "http://127.0.0.1:8080" };

    [Fact]
    public void Each_exact_name_is_an_address_on_the_routers_port_and_patterns_are_none()
    {
        var instance = Instance(new Dictionary<string, string> { ["VIRTUAL_HOST"] = "web.localhost, *.web.localhost, web.*, ~^api[0-9]+$, WWW.Example.com" });

        Assert.Equal(["http://web.localhost:8080/", "http://www.example.com:8080/"], RoutedAddresses.Of(instance, Router));
    }

    [Fact]
    public void The_path_is_the_virtual_path_and_port_80_goes_without_saying()
    {
        var instance = Instance(new Dictionary<string, string> { ["VIRTUAL_HOST"] = "shop.localhost", ["VIRTUAL_PATH"] = "api/" });

        Assert.Equal(["http://shop.localhost/api"], RoutedAddresses.Of(instance, new RouterAddresses { Http = "http://0.0.0.0:80" }));
    }

    [Fact]
    public void Without_a_host_or_a_listening_router_there_is_no_address()
    {
        Assert.Empty(RoutedAddresses.Of(Instance(new Dictionary<string, string> { ["PORT"] = "8080" }), Router));
        Assert.Empty(RoutedAddresses.Of(Instance(new Dictionary<string, string> { ["VIRTUAL_HOST"] = "web.localhost" }), new RouterAddresses()));
    }

    [Fact]
    public void Replicas_carrying_the_same_host_give_one_address()
    {
        var one = Instance(new Dictionary<string, string> { ["VIRTUAL_HOST"] = "web.localhost" });
        var instance = one with { Containers = [.. one.Containers, one.Containers[0] with { Name = "web-2", Replica = 2 }] };

        Assert.Equal(["http://web.localhost:8080/"], RoutedAddresses.Of(instance, Router));
    }

    private static InstanceSpec Instance(IReadOnlyDictionary<string, string> environment) => new()
    {
        Service = "web",
        Name = "default",
        Network = "web-default",
        Containers =
        [
            new ContainerSpec
            {
                Name = "web",
                Service = "web",
                Instance = "default",
                Role = "main",
                Definition = "web",
                Image = "sky-router-backend:latest",
                Network = "web-default",
                Environment = environment,
            },
        ],
    };
}
