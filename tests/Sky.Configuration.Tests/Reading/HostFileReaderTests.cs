using Sky.Model;

namespace Sky.Configuration.Tests.Reading;

/// <summary>The down page: a file on the host, read against the configuration's folder, that must be there at load.</summary>
public sealed class HostFileReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sky-down-page-").FullName;

    public void Dispose() => Directory.Delete(this.folder, recursive: true);

    private ConfigurationResult Load(string yaml) =>
        ConfigurationLoader.Load([new ConfigurationFile("test.yml", yaml) { BaseDirectory = this.folder }], new Naming());

    [Fact]
    public void A_relative_down_page_is_read_against_the_configuration_s_folder()
    {
        Directory.CreateDirectory(Path.Combine(this.folder, "pages"));
        File.WriteAllText(Path.Combine(this.folder, "pages", "down.html"), "<p>down</p>");

        var result = Load("app:\n  image: app\n  router: { down-page: ./pages/down.html }\n");

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        Assert.Equal(Path.Combine(this.folder, "pages", "down.html"), result.State!.FindService("app")!.Instances.Single().Router.DownPage);
    }

    [Fact]
    public void An_absolute_down_page_is_kept_as_written()
    {
        var page = Path.Combine(this.folder, "down.html");
        File.WriteAllText(page, "<p>down</p>");

        var state = TestConfig.Valid($"app:\n  image: app\n  router: {{ down-page: '{page}' }}\n");

        Assert.Equal(page, state.FindService("app")!.Instances.Single().Router.DownPage);
    }

    [Fact]
    public void A_down_page_read_from_disk_is_found_beside_its_file()
    {
        File.WriteAllText(Path.Combine(this.folder, "down.html"), "<p>down</p>");
        File.WriteAllText(Path.Combine(this.folder, "app.yml"), "app:\n  image: app\n  router:\n    down-page: down.html\n");

        var result = ConfigurationLoader.Load(ConfigurationFiles.Read(this.folder), new Naming());

        Assert.Equal(Path.Combine(this.folder, "down.html"), result.State!.FindService("app")!.Instances.Single().Router.DownPage);
    }

    [Fact]
    public void A_missing_down_page_is_an_error_naming_the_file_where_it_was_written()
    {
        var error = Assert.Single(Load("app:\n  image: app\n  router:\n    down-page: missing.html\n").Errors).ToString();

        Assert.Equal($"test.yml:4:16: app.router.down-page: a down page 'missing.html' does not exist ({Path.Combine(this.folder, "missing.html")})", error);
    }

    [Fact]
    public void A_folder_is_no_down_page()
    {
        var error = Assert.Single(Load("app:\n  image: app\n  router: { down-page: . }\n").Errors).ToString();

        Assert.Equal($"test.yml:3:24: app.router.down-page: '.' is a folder, not a down page ({this.folder})", error);
    }

    [Fact]
    public void A_relative_down_page_without_the_configuration_s_folder_is_an_error()
    {
        Assert.Equal(
            "test.yml:3:24: app.router.down-page: 'down.html' is a relative path, but this configuration came without its folder (write an absolute path)",
            TestConfig.SingleError("app:\n  image: app\n  router: { down-page: down.html }\n"));
    }
}
