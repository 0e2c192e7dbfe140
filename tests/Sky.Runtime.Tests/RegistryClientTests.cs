using Sky.Testing.Peers;

namespace Sky.Runtime.Tests;

public class RegistryClientTests
{
    [Fact]
    public async Task The_registry_says_yes_for_a_pushed_tag_and_no_for_another_tag_or_name()
    {
        await using var registry = await DockerRegistry.StartAsync();
        await using var scope = new EngineScope();
        var tag = scope.ImageTag("asked", registry.Address);
        await scope.BuildAsync(tag, "FROM sky-busybox:latest\nLABEL skyrt=asked\n");
        await scope.Runtime.PushImageAsync(tag, null, scope.Token);
        using var client = new RegistryClient(registry.Address);
        var pushed = ImageReference.Parse(tag);

        Assert.True(await client.HasAsync(pushed, scope.Token));
        Assert.False(await client.HasAsync(pushed with { Tag = "other" }, scope.Token));
        Assert.False(await client.HasAsync(pushed with { Repository = scope.Prefix + "-nothing" }, scope.Token));
    }

    [Fact]
    public async Task A_registry_nobody_listens_on_is_unavailable_and_named()
    {
        var address = $"127.0.0.1:{FreePort.Next()}";
        using var client = new RegistryClient(address);

        var error = await Assert.ThrowsAsync<RegistryUnavailableException>(() => client.HasAsync(ImageReference.Parse("my-app:1.2"), CancellationToken.None));

        Assert.StartsWith($"the registry {address} cannot be reached (", error.Message, StringComparison.Ordinal);
    }
}
