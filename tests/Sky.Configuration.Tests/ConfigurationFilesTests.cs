using Sky.Model;

namespace Sky.Configuration.Tests;

public sealed class ConfigurationFilesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sky-config-").FullName;

    public void Dispose() => Directory.Delete(this.folder, recursive: true);

    [Fact]
    public void A_folder_gives_its_yaml_files_sorted_by_name_without_recursing()
    {
        File.WriteAllText(Path.Combine(this.folder, "b.yaml"), "b: {image: b}\n");
        File.WriteAllText(Path.Combine(this.folder, "a.yml"), "a: {image: a}\n");
        File.WriteAllText(Path.Combine(this.folder, "notes.txt"), "not yaml");
        Directory.CreateDirectory(Path.Combine(this.folder, "sub"));
        File.WriteAllText(Path.Combine(this.folder, "sub", "c.yml"), "c: {image: c}\n");

        var files = ConfigurationFiles.Read(this.folder);

        Assert.Equal(["a.yml", "b.yaml"], files.Select(f => f.Path));
        Assert.Equal("a: {image: a}\n", files[0].Content);
        Assert.Equal(this.folder, files[0].BaseDirectory);
    }

    [Fact]
    public void A_single_file_keeps_the_path_as_given()
    {
        var path = Path.Combine(this.folder, "one.yml");
        File.WriteAllText(path, "one: {image: x}\n");

        var file = Assert.Single(ConfigurationFiles.Read(path));

        Assert.Equal(path, file.Path);
    }

    [Fact]
    public void A_missing_file_or_folder_throws_with_its_name()
    {
        var file = Assert.Throws<FileNotFoundException>(() => ConfigurationFiles.Read(Path.Combine(this.folder, "missing.yml")));
        Assert.Contains("missing.yml", file.Message, StringComparison.Ordinal);
        var folder = Assert.Throws<DirectoryNotFoundException>(() => ConfigurationFiles.Read(Path.Combine(this.folder, "nowhere")));
        Assert.Contains("nowhere", folder.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_host_folders_are_read_against_the_file_s_folder()
    {
        File.WriteAllText(Path.Combine(this.folder, "app.yml"), "app:\n  image: x\n  volumes: ['./data:/data']\n");

        var state = ConfigurationLoader.Load(ConfigurationFiles.Read(this.folder), new Naming()).State!;

        Assert.Equal(new VolumeMount(Path.Combine(this.folder, "data"), "/data", true, false), TestConfig.Container(state, "app").Volumes.Single());
    }

    [Fact]
    public void A_configuration_sent_from_a_folder_or_a_file_reads_relative_paths_against_that_folder()
    {
        var file = Path.Combine(this.folder, "app.yml");
        File.WriteAllText(file, "app: {image: x}\n");

        Assert.Equal(this.folder, ConfigurationFiles.FolderOf(this.folder));
        Assert.Equal(this.folder, ConfigurationFiles.FolderOf(file));
        Assert.Equal(this.folder, ConfigurationFiles.FolderOf(Path.Combine(this.folder, "gone.yml")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("api")]
    [InlineData("examples/app.yml")]
    public void A_source_that_is_no_absolute_path_gives_no_folder(string? source)
    {
        Assert.Null(ConfigurationFiles.FolderOf(source));
    }
}
