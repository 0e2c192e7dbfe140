using Sky.Api.Settings;
using Sky.Testing;
using Sky.Testing.Peers;

namespace Sky.Cli.Tests.Supervision;

/// <summary>
/// Build, push to the daemon's registry (a real docker-registry on a loopback port), remove from the engine, deploy:
/// the engine pulls from that registry, the only place sky pulls from.
/// </summary>
public sealed class RegistryPullTests
{
    [Fact]
    public async Task An_image_built_pushed_and_removed_from_the_engine_is_pulled_from_the_registry_when_its_service_starts()
    {
        await using var registry = await DockerRegistry.StartAsync();
        await using var daemon = await TestDaemon.StartAsync(settings: new DaemonSettings { Registry = registry.Address });
        await using var images = new TestImages(daemon.Namespace);
        var image = images.Name("web", "1.0");
        var pushed = images.Name("web", "1.0", registry.Address);
        var build = await daemon.RunAsync("build", images.Folder("FROM base:0.7\nCMD [\"sleep\", \"3600\"]\n"), "-t", image, "--push");
        Assert.True(build.ExitCode == 0, build.ToString());
        await Docker.RunAsync("rmi", image, pushed);

        var apply = await daemon.RunAsync("apply", ConfigFile.Write($"web:\n  image: {image}\n"));
        var start = await daemon.RunAsync("service", "start", "web");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal(string.Empty, apply.Error);
        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Contains($"Waiting: pulling {pushed} from the registry {registry.Address}", start.Lines);
        Assert.Contains($"Starting {daemon.Name("web")}.. DONE", start.Lines);
        Assert.Equal([daemon.Name("web")], await DockerWitness.ContainerNamesAsync(daemon.Namespace, runningOnly: true));
        Assert.Equal(image, (await Docker.InspectAsync(daemon.Name("web"))).GetProperty("Config").GetProperty("Image").GetString());
    }

    [Fact]
    public async Task A_job_run_and_a_one_off_pull_their_image_from_the_registry_by_either_name()
    {
        await using var registry = await DockerRegistry.StartAsync();
        await using var daemon = await TestDaemon.StartAsync(settings: new DaemonSettings { Registry = registry.Address });
        await using var images = new TestImages(daemon.Namespace);
        var image = images.Name("tool", "2.1");
        var pushed = images.Name("tool", "2.1", registry.Address);
        var build = await daemon.RunAsync("build", images.Folder("FROM base:0.7\nCOPY message.txt /message.txt\n"), "-t", image, "--push");
        Assert.True(build.ExitCode == 0, build.ToString());
        await Docker.RunAsync("rmi", image, pushed);
        await daemon.RunAsync("apply", ConfigFile.Write($"report:\n  image: {image}\n  command: cat /message.txt\n  every: 1 day at 03:00\n"));

        var job = await daemon.RunAsync("job", "start", "report", "--wait");
        // The job's next run is already armed: a created container holds the image, so only its names can go.
        await Docker.RunAsync("rmi", "--force", image, pushed);
        var run = await daemon.RunAsync("run", pushed, "--", "cat", "/message.txt");

        Assert.True(job.ExitCode == 0, job.ToString());
        Assert.Equal("built by sky\n", (await daemon.RunAsync("job", "logs", "report")).Output);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["built by sky"], run.Lines);
    }

    [Fact]
    public async Task With_a_registry_an_image_in_neither_place_is_an_apply_warning_and_a_refused_start_naming_both_places()
    {
        await using var registry = await DockerRegistry.StartAsync();
        await using var daemon = await TestDaemon.StartAsync(settings: new DaemonSettings { Registry = registry.Address });
        var image = $"{daemon.Namespace}-nosuch:9";
        var neither = $"image {image} is not on this engine or in the registry {registry.Address}";

        var apply = await daemon.RunAsync("apply", ConfigFile.Write($"ghost:\n  image: {image}\n"));
        var start = await daemon.RunAsync("service", "start", "ghost");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal($"warning: {neither} (named by ghost): starting it will fail; build and push it (sky build --push), or load it", apply.Error.Trim());
        Assert.Equal(ExitCodes.NotFound, start.ExitCode);
        Assert.Equal($"error: cannot start ghost: {neither} (named by {daemon.Name("ghost")}); build and push it (sky build --push), or load it", start.Error.Trim());
        Assert.Empty(await DockerWitness.ContainerNamesAsync(daemon.Namespace));
    }

    [Fact]
    public async Task A_registry_that_does_not_answer_is_said_on_apply_and_the_configuration_is_still_applied()
    {
        var away = $"127.0.0.1:{FreePort.Next()}";
        await using var daemon = await TestDaemon.StartAsync(settings: new DaemonSettings { Registry = away });
        var image = $"{daemon.Namespace}-elsewhere:1";

        var apply = await daemon.RunAsync("apply", ConfigFile.Write($"web:\n  image: {image}\n"));
        var start = await daemon.RunAsync("service", "start", "web");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.StartsWith($"warning: image {image} is not on this engine (named by web) and the registry {away} cannot be reached (", apply.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, start.ExitCode);
        Assert.StartsWith($"error: cannot start web: an image is not on this engine and the registry {away} cannot be reached (", start.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_of_another_registry_is_never_pulled_and_the_start_says_where_sky_pulls_from()
    {
        await using var registry = await DockerRegistry.StartAsync();
        await using var daemon = await TestDaemon.StartAsync(settings: new DaemonSettings { Registry = registry.Address });
        const string Image = "registry.example.com/team/web:1.0";
        await daemon.RunAsync("apply", ConfigFile.Write($"web:\n  image: {Image}\n"));

        var start = await daemon.RunAsync("service", "start", "web");

        Assert.Equal(ExitCodes.NotFound, start.ExitCode);
        Assert.Equal(
            $"error: cannot start web: image {Image} is not on this engine (named by {daemon.Name("web")}); sky pulls only from its registry {registry.Address}: push it there, or load it",
            start.Error.Trim());
    }
}
