namespace Sky.Store.Tests;

public sealed class RevisionRepositoryTests
{
    [Fact]
    public void Revisions_are_numbered_from_one_and_kept_whole()
    {
        using var folder = new TempDataDirectory();
        var revisions = new RevisionRepository(new SkyDatabase(folder.Path), TimeProvider.System);

        var first = revisions.Add("a.yml", [new StoredFile("a.yml", "x: 1\n")]);
        var second = revisions.Add("b", [new StoredFile("b/one.yml", "y: 2\n"), new StoredFile("b/two.yml", "z: 3\n")]);

        Assert.Equal(1, first);
        Assert.Equal(2, second);
        var latest = revisions.Latest()!;
        Assert.Equal(2, latest.Number);
        Assert.Equal(["b/one.yml", "b/two.yml"], latest.Files.Select(f => f.Path));
        Assert.Equal("x: 1\n", revisions.Get(1)!.Files.Single().Content);
        Assert.Equal([2L, 1L], revisions.List(10).Select(r => r.Number));
    }

    [Fact]
    public void Revisions_survive_reopening_the_data_folder()
    {
        using var folder = new TempDataDirectory();
        new RevisionRepository(new SkyDatabase(folder.Path), TimeProvider.System).Add("a.yml", [new StoredFile("a.yml", "x: 1\n")]);

        var reopened = new RevisionRepository(new SkyDatabase(folder.Path), TimeProvider.System);

        Assert.Equal(1, reopened.Latest()!.Number);
    }

    [Fact]
    public void An_empty_store_has_no_latest_revision()
    {
        using var folder = new TempDataDirectory();
        Assert.Null(new RevisionRepository(new SkyDatabase(folder.Path), TimeProvider.System).Latest());
    }
}
