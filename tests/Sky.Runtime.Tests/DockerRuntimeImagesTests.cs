namespace Sky.Runtime.Tests;

public class DockerRuntimeImagesTests
{
    [Fact]
    public async Task An_image_built_from_a_tar_archive_can_be_inspected_listed_and_run()
    {
        await using var scope = new EngineScope();
        var tag = scope.ImageTag("built");
        var progress = new List<string>();

        var id = await scope.BuildAsync(tag, "FROM sky-busybox:latest\nCOPY message.txt /message.txt\nCMD [\"cat\", \"/message.txt\"]\n", new SynchronousProgress(progress));

        var image = await scope.Runtime.InspectImageAsync(tag, scope.Token);
        var all = await scope.Runtime.ListImagesAsync(scope.Token);
        var container = await scope.CreateAsync(new ContainerCreateRequest { Name = scope.Name("run"), Image = tag });
        await scope.Runtime.StartContainerAsync(container, scope.Token);
        await scope.Runtime.WaitContainerAsync(container, scope.Token);
        var output = new List<string>();
        await foreach (var line in scope.Runtime.GetLogsAsync(container, new LogQuery(), scope.Token))
        {
            output.Add(line.Text);
        }

        Assert.Contains(progress, p => p.StartsWith("Step 1/3 : FROM sky-busybox:latest", StringComparison.Ordinal));
        Assert.NotNull(image);
        Assert.Equal(image.Id, id);
        Assert.StartsWith("sha256:", image.Id, StringComparison.Ordinal);
        Assert.Contains(tag, image.Tags);
        Assert.True(image.Created > DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Contains(all, i => i.Id == image.Id && i.Tags.Contains(tag));
        Assert.Equal(["built by sky"], output);
    }

    [Fact]
    public async Task A_failing_build_step_is_an_engine_error_with_the_engine_text()
    {
        await using var scope = new EngineScope();
        var tag = scope.ImageTag("broken");

        var error = await Assert.ThrowsAsync<EngineException>(() => scope.BuildAsync(tag, "FROM sky-busybox:latest\nRUN exit 3\n"));

        Assert.Contains("returned a non-zero code: 3", error.Message, StringComparison.Ordinal);
        Assert.Null(await scope.Runtime.InspectImageAsync(tag, scope.Token));
    }

    [Fact]
    public async Task Inspecting_an_absent_image_gives_null_rather_than_pulling()
    {
        await using var scope = new EngineScope();

        Assert.Null(await scope.Runtime.InspectImageAsync(scope.Prefix + "-absent:1", scope.Token));
    }

    [Fact]
    public async Task The_base_test_image_is_known_by_its_tag()
    {
        await using var scope = new EngineScope();

        var image = await scope.Runtime.InspectImageAsync(EngineScope.Image, scope.Token);

        Assert.Contains(EngineScope.Image, image!.Tags);
    }

    [Fact]
    public async Task A_tag_is_a_second_name_of_the_same_image()
    {
        await using var scope = new EngineScope();
        var tag = scope.ImageTag("original");
        var alias = scope.ImageTag("alias");
        var id = await scope.BuildAsync(tag, "FROM sky-busybox:latest\nLABEL skyrt=tagged\n");

        await scope.Runtime.TagImageAsync(tag, alias, scope.Token);

        Assert.Equal(id, (await scope.Runtime.InspectImageAsync(alias, scope.Token))?.Id);
    }

    [Fact]
    public async Task Removing_an_image_makes_it_absent_and_removing_it_again_is_not_an_error()
    {
        await using var scope = new EngineScope();
        var tag = scope.ImageTag("short-lived");
        await scope.BuildAsync(tag, "FROM sky-busybox:latest\nLABEL skyrt=1\n");

        await scope.Runtime.RemoveImageAsync(tag, scope.Token);
        await scope.Runtime.RemoveImageAsync(tag, scope.Token);

        Assert.Null(await scope.Runtime.InspectImageAsync(tag, scope.Token));
    }
}
