using Sky.Testing.Engine;
using Sky.Testing.Peers;

namespace Sky.Runtime.Tests;

public class ImageSourceTests
{
    [Fact]
    public async Task An_image_named_on_no_registry_is_pulled_from_the_registry_and_runs_under_the_name_it_was_given()
    {
        await using var registry = await DockerRegistry.StartAsync();
        await using var scope = new EngineScope();
        var name = scope.ImageTag("unqualified");
        var pushed = scope.ImageTag("unqualified", registry.Address);
        var id = await scope.BuildAsync(name, "FROM sky-busybox:latest\nLABEL skyrt=unqualified\n");
        await scope.Runtime.TagImageAsync(name, pushed, scope.Token);
        await scope.Runtime.PushImageAsync(pushed, null, scope.Token);
        await scope.Runtime.RemoveImageAsync(name, scope.Token);
        await scope.Runtime.RemoveImageAsync(pushed, scope.Token);
        using var client = new RegistryClient(registry.Address);
        var source = new ImageSource(scope.Runtime, client);
        var told = new List<string>();

        Assert.True(await source.ExistsAsync(name, scope.Token));
        Assert.True(await source.EnsureOnEngineAsync(name, told.Add, scope.Token));

        Assert.Equal([$"pulling {pushed} from the registry {registry.Address}"], told);
        Assert.Equal(id, (await scope.Runtime.InspectImageAsync(name, scope.Token))?.Id);
    }

    [Fact]
    public async Task An_image_in_neither_place_is_not_there_and_the_message_says_where_it_was_looked_for()
    {
        await using var registry = await DockerRegistry.StartAsync();
        using var client = new RegistryClient(registry.Address);
        var engine = new FakeContainerRuntime();
        engine.AbsentImages["nosuch:9"] = true;
        var source = new ImageSource(engine, client);

        Assert.False(await source.ExistsAsync("nosuch:9", CancellationToken.None));
        Assert.False(await source.EnsureOnEngineAsync("nosuch:9", null, CancellationToken.None));
        Assert.Equal($"this engine or in the registry {registry.Address}", source.Places("nosuch:9"));
        Assert.Equal("build and push it (sky build --push), or load it", source.Advice("nosuch:9"));
    }

    [Fact]
    public async Task Without_a_registry_nothing_is_ever_pulled()
    {
        var engine = new FakeContainerRuntime();
        engine.AbsentImages["my-app:1.2"] = true;
        engine.AbsentImages["127.0.0.1:5000/my-app:1.2"] = true;
        var source = new ImageSource(engine);

        // The fake engine cannot pull (it throws): false here means nothing was tried.
        Assert.False(await source.EnsureOnEngineAsync("my-app:1.2", null, CancellationToken.None));
        Assert.False(await source.EnsureOnEngineAsync("127.0.0.1:5000/my-app:1.2", null, CancellationToken.None));
        Assert.Equal(("this engine", "sky never pulls: build or load it first"), (source.Places("my-app:1.2"), source.Advice("my-app:1.2")));
    }

    [Fact]
    public async Task An_image_of_another_registry_is_never_asked_for_nor_pulled()
    {
        // Nobody listens on the registry's port: asking it anything would throw RegistryUnavailableException.
        using var client = new RegistryClient($"127.0.0.1:{FreePort.Next()}");
        var engine = new FakeContainerRuntime();
        engine.AbsentImages["ghcr.io/team/my-app:1.2"] = true;
        var source = new ImageSource(engine, client);

        Assert.False(await source.EnsureOnEngineAsync("ghcr.io/team/my-app:1.2", null, CancellationToken.None));
        Assert.Null(source.Pullable("ghcr.io/team/my-app:1.2"));
        Assert.Equal("this engine", source.Places("ghcr.io/team/my-app:1.2"));
        Assert.StartsWith($"sky pulls only from its registry {client.Address}", source.Advice("ghcr.io/team/my-app:1.2"), StringComparison.Ordinal);
    }
}
