namespace Sky.Store.Tests;

public sealed class RestartCountRepositoryTests
{
    [Fact]
    public void Counts_go_up_per_container_and_are_read_back_by_a_new_store_on_the_same_folder()
    {
        using var folder = new TempDataDirectory();
        var counts = new RestartCountRepository(new SkyDatabase(folder.Path), TimeProvider.System);

        Assert.Equal(1, counts.Increment("web"));
        Assert.Equal(2, counts.Increment("web"));
        Assert.Equal(1, counts.Increment("web-database"));

        var reopened = new RestartCountRepository(new SkyDatabase(folder.Path), TimeProvider.System);
        Assert.Equal(new Dictionary<string, int> { ["web"] = 2, ["web-database"] = 1 }, reopened.All());
    }
}
