using Dapper;
using Microsoft.Data.Sqlite;

namespace Sky.Store.Tests;

public sealed class RevisionRepositoryTests
{
    private static RevisionContent OneSource(string name, params StoredFile[] files) => new([new RevisionSource(name, null, files)], []);

    [Fact]
    public void Revisions_are_numbered_from_one_and_kept_whole()
    {
        using var folder = new TempDataDirectory();
        var revisions = new RevisionRepository(new SkyDatabase(folder.Path), TimeProvider.System);
        var two = new RevisionContent(
            [new RevisionSource("a", "/srv/a", [new StoredFile("a.yml", "x: 1\n")]) { Removed = ["old"] }, new RevisionSource("b", null, [new StoredFile("one.yml", "y: 2\n")])],
            [new RevisionPin("x", "production", 1)]);

        var first = revisions.Add("a", RevisionKinds.Apply, OneSource("a", new StoredFile("a.yml", "x: 1\n")), []);
        var second = revisions.Add("rollback of x", RevisionKinds.Rollback, two, []);

        Assert.Equal((1L, 2L), (first, second));
        var latest = revisions.Latest()!;
        Assert.Equal((2L, "rollback of x", RevisionKinds.Rollback), (latest.Number, latest.Origin, latest.Kind));
        Assert.Equal(["a", "b"], latest.Content.Sources.Select(s => s.Name));
        Assert.Equal(["old"], latest.Content.Sources[0].Removed);
        Assert.Equal("/srv/a", latest.Content.Sources[0].Folder);
        Assert.Equal(new RevisionPin("x", "production", 1), latest.Content.Pins.Single());
        Assert.Equal("x: 1\n", revisions.Get(1)!.Content.Sources.Single().Files.Single().Content);
        Assert.Equal([2L, 1L], revisions.List(10).Select(r => r.Number));
    }

    [Fact]
    public void What_a_revision_changed_is_kept_with_how_it_went()
    {
        using var folder = new TempDataDirectory();
        var revisions = new RevisionRepository(new SkyDatabase(folder.Path), TimeProvider.System);
        revisions.Add("a", RevisionKinds.Apply, OneSource("a"), [new RevisionChange("web", "service", "added", [])]);
        var second = revisions.Add("a", RevisionKinds.Apply, OneSource("a"), [new RevisionChange("web", "service", "changed", ["image: \"a:1\" -> \"a:2\""]), new RevisionChange("db", "service", "added", [])]);

        revisions.SetOutcome(second, "web", RevisionOutcomes.Failed, "starting web: no such image");

        var history = revisions.ChangesTo("web", 10);
        Assert.Equal([2L, 1L], history.Select(c => c.Revision));
        Assert.Equal(["image: \"a:1\" -> \"a:2\""], history[0].Details);
        Assert.Equal((RevisionOutcomes.Failed, "starting web: no such image"), (history[0].Outcome, history[0].OutcomeMessage));
        Assert.Null(history[1].Outcome);
        Assert.Equal(["db", "web"], revisions.ChangesOf(second).Select(c => c.Entry));
    }

    [Fact]
    public void A_revision_stored_before_sources_reads_as_one_source_named_as_it_was_applied()
    {
        using var folder = new TempDataDirectory();
        using (var old = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "sky.db")};Pooling=False"))
        {
            old.Open();
            SchemaMigrations.Apply(old, upTo: SchemaMigrations.BeforeSources);
            old.Execute("INSERT INTO revisions(created_at, source, files) VALUES ('2026-11-29T17:00:00.0000000+00:00', '/srv/examples', '[{\"Path\":\"a.yml\",\"Content\":\"x: 1\\n\"}]')");
        }

        var revision = new RevisionRepository(new SkyDatabase(folder.Path), TimeProvider.System).Latest()!;

        Assert.Equal(RevisionKinds.Apply, revision.Kind);
        var source = revision.Content.Sources.Single();
        Assert.Equal("/srv/examples", source.Name);
        Assert.Equal(new StoredFile("a.yml", "x: 1\n"), source.Files.Single());
        Assert.Empty(revision.Content.Pins);
    }

    [Fact]
    public void Revisions_survive_reopening_the_data_folder()
    {
        using var folder = new TempDataDirectory();
        new RevisionRepository(new SkyDatabase(folder.Path), TimeProvider.System).Add("a.yml", RevisionKinds.Apply, OneSource("a.yml", new StoredFile("a.yml", "x: 1\n")), []);

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
