namespace Sky.Runtime.Tests;

public class DockerQueryTests
{
    [Fact]
    public void Label_filters_list_key_value_pairs_and_bare_keys()
    {
        var filters = DockerQuery.LabelFilters(new Dictionary<string, string?> { ["sky.service"] = "app", ["sky.managed"] = null });

        Assert.Equal("""{"label":["sky.managed","sky.service=app"]}""", Uri.UnescapeDataString(filters));
    }

    [Fact]
    public void Empty_filters_are_left_out()
    {
        Assert.Equal("{}", Uri.UnescapeDataString(DockerQuery.LabelFilters(new Dictionary<string, string?>())));
    }
}
