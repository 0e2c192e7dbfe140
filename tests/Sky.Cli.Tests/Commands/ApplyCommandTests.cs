using Sky.Testing;

namespace Sky.Cli.Tests.Commands;

public sealed class ApplyCommandTests
{
    [Fact]
    public async Task A_configuration_with_errors_is_refused_whole_and_starts_nothing()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", Examples.MyApplication);
        await daemon.RunAsync("service", "start", "my-application/production");
        var broken = Examples.ChangedCopy(text => text.Replace("memory: 1g", "memory: 1x", StringComparison.Ordinal).Replace("version: 1.1-dev", "version: 9.9", StringComparison.Ordinal));

        var apply = await daemon.RunAsync("apply", broken);

        Assert.Equal(ExitCodes.Invalid, apply.ExitCode);
        Assert.Contains("my-application.yml:21:15: my-application.instances.production.memory: '1x' is not a size (use 512m, 1g)", apply.Error, StringComparison.Ordinal);
        Assert.Contains("my-application.yml:27:15: my-application.instances.dev.memory: '1x' is not a size (use 512m, 1g)", apply.Error, StringComparison.Ordinal);
        var revisions = await daemon.RunAsync("service", "status", "my-application", "-o", "json");
        Assert.Contains("\"revision\": 1", revisions.Output, StringComparison.Ordinal);
        Assert.Equal(2, (await DockerWitness.ContainerNamesAsync(daemon.Namespace)).Count);
    }

    [Fact]
    public async Task An_image_not_on_the_engine_is_a_warning_on_stderr_naming_what_needs_it_and_the_apply_still_succeeds()
    {
        await using var daemon = await TestDaemon.StartAsync();
        var path = ConfigFile.Write("""
            nc-ghost:
              image: nosuch-image:9
            web:
              image: base:0.7
            ghost-job:
              image: nosuch-image:9
              command: echo hi
              every: 1 day at 03:00
            """);
        const string Warning = "image nosuch-image:9 is not on this engine (named by ghost-job, nc-ghost): starting it will fail; sky never pulls: build or load it first";

        var apply = await daemon.RunAsync("apply", path);
        var json = await daemon.RunAsync("apply", path, "-o", "json");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal(["Added service nc-ghost", "Added service web", "Added job ghost-job", "Applied revision 1"], apply.Lines);
        Assert.Equal($"warning: {Warning}", apply.Error.Trim());
        Assert.True(json.ExitCode == 0, json.ToString());
        using var outcome = System.Text.Json.JsonDocument.Parse(json.Output);
        Assert.Equal([Warning], outcome.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal($"warning: {Warning}", json.Error.Trim());
    }

    [Fact]
    public async Task Applying_prints_what_it_added_changed_and_removed_and_the_new_revision()
    {
        await using var daemon = await TestDaemon.StartAsync();

        var first = await daemon.RunAsync("apply", Examples.Folder);
        var second = await daemon.RunAsync("apply", Examples.MyApplication);
        var third = await daemon.RunAsync("apply", Examples.ChangedCopy(text => text.Replace("RUNTIME_ENV: staging", "RUNTIME_ENV: qa", StringComparison.Ordinal)));
        var json = await daemon.RunAsync("apply", Examples.MyApplication, "-o", "json");

        Assert.Equal(["Added service my-application", "Added service database", "Added job still-alive", "Applied revision 1"], first.Lines);
        Assert.Equal(["Removed job still-alive", "Applied revision 2"], second.Lines);
        Assert.Equal(["Changed service my-application", "Applied revision 3"], third.Lines);
        using var outcome = System.Text.Json.JsonDocument.Parse(json.Output);
        Assert.Equal(["changed service my-application"], outcome.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Empty(await DockerWitness.ContainerNamesAsync(daemon.Namespace));
    }

    [Fact]
    public async Task Apply_removes_containers_no_configuration_wants_any_more()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", Examples.MyApplication);
        await daemon.RunAsync("service", "start", "my-application");
        var withoutDev = Examples.ChangedCopy(text => text[..text.IndexOf("    dev:", StringComparison.Ordinal)] + text[text.IndexOf("database:", StringComparison.Ordinal)..]);

        var apply = await daemon.RunAsync("apply", withoutDev);

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Contains($"Removing {daemon.Name("my-application-dev")}.. DONE", apply.Lines);
        Assert.Equal(
            [daemon.Name("my-application-production"), daemon.Name("my-application-production-database")],
            await DockerWitness.ContainerNamesAsync(daemon.Namespace));
    }
}
