namespace Sky.Configuration.Tests.Resolution;

public class VirtualHostCheckerTests
{
    private static string Yaml(params string[] lines) => string.Join('\n', lines) + "\n";

    [Fact]
    public void Host_names_as_nginx_proxy_users_write_them_are_accepted()
    {
        TestConfig.Valid(Yaml(
            "app:", "  image: app", "  ports: [8080, 9090]",
            "  env: { VIRTUAL_HOST: 'shop.localhost, *.shop.localhost, shop.*, ~^api\\d+\\.shop$', VIRTUAL_PORT: 9090, VIRTUAL_PATH: /api }"));
    }

    [Fact]
    public void An_instance_leaves_its_service_s_routes_with_an_empty_virtual_host()
    {
        TestConfig.Valid(Yaml(
            "app:", "  image: app", "  ports: [8080]", "  env: { VIRTUAL_HOST: shop.localhost, VIRTUAL_PORT: 8080 }",
            "  instances:", "    prod: {}", "    worker:", "      ports: []", "      env: { VIRTUAL_HOST: '' }"));
    }

    [Fact]
    public void Each_bad_name_of_the_list_is_one_error_at_the_variable()
    {
        var errors = TestConfig.Load(Yaml("app:", "  image: app", "  ports: [80]", "  env:", "    VIRTUAL_HOST: 'ok.localhost, a b, x.*.y'")).Errors;

        Assert.Equal(
            [
                "test.yml:5:19: app.env.VIRTUAL_HOST: 'a b' is no host name (no spaces, ports or paths: VIRTUAL_PORT and VIRTUAL_PATH say those)",
                "test.yml:5:19: app.env.VIRTUAL_HOST: 'x.*.y' has a wildcard in the middle (write *.example.com, example.* or ~REGEX)",
            ],
            errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("test.yml:6:28: app.instances.dev.env.VIRTUAL_HOST: 'dev.localhost:8080' is no host name (no spaces, ports or paths: VIRTUAL_PORT and VIRTUAL_PATH say those)",
        "app:", "  image: app", "  ports: [80]", "  instances:", "    dev:", "      env: { VIRTUAL_HOST: 'dev.localhost:8080' }")]
    [InlineData("test.yml:3:24: app.env.VIRTUAL_HOST: VIRTUAL_HOST needs a port to send requests to: add ports: to 'app'",
        "app:", "  image: app", "  env: { VIRTUAL_HOST: shop.localhost }")]
    [InlineData("test.yml:4:24: app.env.VIRTUAL_HOST: VIRTUAL_HOST needs a port to send requests to: add ports: to instance 'worker'",
        "app:", "  image: app", "  ports: [80]", "  env: { VIRTUAL_HOST: shop.localhost }", "  instances:", "    worker: { ports: [] }")]
    [InlineData("test.yml:4:54: app.env.VIRTUAL_PORT: 9090 is not one of the ports of 'app' (8080); the router reaches only the ports listed in ports:",
        "app:", "  image: app", "  ports: [8080]", "  env: { VIRTUAL_HOST: shop.localhost, VIRTUAL_PORT: 9090 }")]
    [InlineData("test.yml:4:54: app.env.VIRTUAL_PORT: 8080 is not one of the ports of instance 'dev' (9090); the router reaches only the ports listed in ports:",
        "app:", "  image: app", "  ports: [8080]", "  env: { VIRTUAL_HOST: shop.localhost, VIRTUAL_PORT: 8080 }",
        "  instances:", "    prod: {}", "    dev: { ports: [9090] }")]
    [InlineData("test.yml:4:54: app.env.VIRTUAL_PORT: 'http' is not a port (use a number from 1 to 65535)",
        "app:", "  image: app", "  ports: [8080]", "  env: { VIRTUAL_HOST: shop.localhost, VIRTUAL_PORT: http }")]
    [InlineData("test.yml:4:54: app.env.VIRTUAL_PATH: 'api' is not a path prefix (start it with /, such as /api)",
        "app:", "  image: app", "  ports: [8080]", "  env: { VIRTUAL_HOST: shop.localhost, VIRTUAL_PATH: api }")]
    public void A_mistake_in_the_router_s_variables_is_one_precise_error(string expected, params string[] lines)
    {
        Assert.Equal(expected, TestConfig.SingleError(Yaml(lines)));
    }
}
