namespace Sky.Configuration.Tests;

public class ConfigurationErrorTests
{
    [Fact]
    public void An_error_reads_as_file_line_column_key_path_and_message()
    {
        var error = new ConfigurationError("my-application.yml", 14, 9, "my-application.instances.dev.memory", "'1x' is not a size (use 512m, 1g)");

        Assert.Equal("my-application.yml:14:9: my-application.instances.dev.memory: '1x' is not a size (use 512m, 1g)", error.ToString());
    }

    [Fact]
    public void An_error_outside_any_key_leaves_the_key_path_out()
    {
        Assert.Equal("a.yml:1:1: bad", new ConfigurationError("a.yml", 1, 1, "", "bad").ToString());
    }
}
