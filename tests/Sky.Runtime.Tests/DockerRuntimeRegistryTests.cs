using Sky.Testing.Peers;

namespace Sky.Runtime.Tests;

/// <summary>Pushes and pulls through the engine, against a real registry (Debian's docker-registry) on a loopback port.</summary>
public class DockerRuntimeRegistryTests
{
    [Fact]
    public async Task An_image_pushed_to_the_registry_and_removed_from_the_engine_is_pulled_back_as_the_same_image()
    {
        await using var registry = await DockerRegistry.StartAsync();
        await using var scope = new EngineScope();
        var tag = scope.ImageTag("pushed", registry.Address);
        // An image of its own: without the label it is the build cache's image of the images tests' COPY step, which a
        // container of their build can be using while this test untags it (the engine then refuses).
        var id = await scope.BuildAsync(tag, "FROM sky-busybox:latest\nCOPY message.txt /message.txt\nLABEL skyrt=pushed\n");
        var pushing = new List<string>();

        var digest = await scope.Runtime.PushImageAsync(tag, new SynchronousProgress(pushing), scope.Token);
        await scope.Runtime.RemoveImageAsync(tag, scope.Token);
        var absent = await scope.Runtime.InspectImageAsync(tag, scope.Token);
        await scope.Runtime.PullImageAsync(tag, null, scope.Token);

        Assert.StartsWith("sha256:", digest, StringComparison.Ordinal);
        Assert.Contains(pushing, line => line.EndsWith(": Pushed", StringComparison.Ordinal));
        Assert.Null(absent);
        Assert.Equal(id, (await scope.Runtime.InspectImageAsync(tag, scope.Token))?.Id);
    }

    [Fact]
    public async Task A_push_the_registry_cannot_take_is_an_engine_error_although_the_engine_answered_200()
    {
        await using var scope = new EngineScope();
        var nobody = $"127.0.0.1:{FreePort.Next()}";
        var tag = scope.ImageTag("unpushed", nobody);
        await scope.BuildAsync(tag, "FROM sky-busybox:latest\nLABEL skyrt=unpushed\n");

        var error = await Assert.ThrowsAsync<EngineException>(() => scope.Runtime.PushImageAsync(tag, null, scope.Token));

        Assert.StartsWith($"Pushing {tag} failed: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pulling_a_tag_the_registry_does_not_hold_is_an_engine_error_naming_it()
    {
        await using var registry = await DockerRegistry.StartAsync();
        await using var scope = new EngineScope();
        var tag = scope.ImageTag("never-pushed", registry.Address);

        var error = await Assert.ThrowsAsync<EngineException>(() => scope.Runtime.PullImageAsync(tag, null, scope.Token));

        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
        Assert.Null(await scope.Runtime.InspectImageAsync(tag, scope.Token));
    }
}
