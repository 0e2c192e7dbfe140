using System.Text.Json;
using Sky.Api.Settings;
using Sky.Testing.Peers;

namespace Sky.Cli.Tests.Commands;

/// <summary><c>sky build DIR -t NAME:VERSION [--push]</c> through a daemon, on the real engine and a real registry.</summary>
public sealed class BuildCommandTests
{
    [Fact]
    public async Task A_build_prints_the_engines_output_and_the_image_it_made_and_the_image_runs()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var images = new TestImages(daemon.Namespace);
        var image = images.Name("app", "1.0");
        var folder = images.Folder("FROM base:0.7\nCOPY message.txt /message.txt\nCMD [\"cat\", \"/message.txt\"]\n");

        var build = await daemon.RunAsync("build", folder, "-t", image);
        var run = await daemon.RunAsync("run", image, "--", "cat", "/message.txt");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.StartsWith("Step 1/3 : FROM base:0.7", build.Lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"Built {image} (sha256:", build.Lines[^1], StringComparison.Ordinal);
        Assert.Equal(["built by sky"], run.Lines);
    }

    [Fact]
    public async Task With_push_the_image_is_pushed_to_the_daemons_registry_under_its_address()
    {
        await using var registry = await DockerRegistry.StartAsync();
        await using var daemon = await TestDaemon.StartAsync(settings: new DaemonSettings { Registry = registry.Address });
        await using var images = new TestImages(daemon.Namespace);
        var image = images.Name("pushed", "1.0");
        var pushed = images.Name("pushed", "1.0", registry.Address);
        var folder = images.Folder("FROM base:0.7\nLABEL sky-test=pushed\n");

        var build = await daemon.RunAsync("build", folder, "-t", image, "--push", "-o", "json");

        Assert.True(build.ExitCode == 0, build.ToString());
        using var result = JsonDocument.Parse(build.Output);
        Assert.Equal(image, result.RootElement.GetProperty("image").GetString());
        Assert.Equal(pushed, result.RootElement.GetProperty("pushed").GetString());
        Assert.StartsWith("sha256:", result.RootElement.GetProperty("digest").GetString(), StringComparison.Ordinal);
        Assert.Contains($"Pushing {pushed} to the registry {registry.Address}", build.Error, StringComparison.Ordinal);
        using var client = new Sky.Runtime.RegistryClient(registry.Address);
        Assert.True(await client.HasAsync(Sky.Runtime.ImageReference.Parse(pushed), CancellationToken.None));
    }

    [Fact]
    public async Task A_failing_Dockerfile_step_exits_1_with_the_engines_message_and_makes_no_image()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var images = new TestImages(daemon.Namespace);
        var image = images.Name("broken", "1.0");
        var folder = images.Folder("FROM base:0.7\nRUN echo about to fail && exit 3\n");

        var build = await daemon.RunAsync("build", folder, "-t", image);

        Assert.True(build.ExitCode == ExitCodes.Failed, build.ToString());
        Assert.Contains("about to fail", build.Output, StringComparison.Ordinal);
        Assert.Equal(
            $"error: Building {image} failed: The command '/bin/sh -c echo about to fail && exit 3' returned a non-zero code: 3",
            build.Error.Trim());
        Assert.NotEqual(0, (await Docker.RunRawAsync("image", "inspect", image)).ExitCode);
    }

    [Fact]
    public async Task Pushing_with_a_daemon_that_has_no_registry_is_refused_before_anything_is_built()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var images = new TestImages(daemon.Namespace);
        var image = images.Name("nowhere", "1.0");
        var folder = images.Folder("FROM base:0.7\n");

        var build = await daemon.RunAsync("build", folder, "-t", image, "--push");

        Assert.True(build.ExitCode == ExitCodes.Invalid, build.ToString());
        Assert.StartsWith("error: this daemon has no registry to push to: set registry: HOST:PORT in its settings", build.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, (await Docker.RunRawAsync("image", "inspect", image)).ExitCode);
    }

    [Theory]
    [InlineData("my-app", "'my-app' has no version: name the image NAME:VERSION (such as my-app:1.2)")]
    [InlineData("My-App:1", "'My-App:1' is not an image reference: 'My-App' must be lower-case letters, digits and separators")]
    public async Task A_name_without_a_version_or_not_a_name_is_invalid_input(string tag, string expected)
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var images = new TestImages(daemon.Namespace);
        var folder = images.Folder("FROM base:0.7\n");

        var build = await daemon.RunAsync("build", folder, "-t", tag);

        Assert.True(build.ExitCode == ExitCodes.Invalid, build.ToString());
        Assert.StartsWith($"error: {expected}", build.Error, StringComparison.Ordinal);
    }
}
