namespace Sky.Runtime.Tests;

public class ImageReferenceTests
{
    [Theory]
    [InlineData("my-app:1.2", null, "my-app", "1.2")]
    [InlineData("my-app", null, "my-app", null)]
    [InlineData("team/my-app:1.2", null, "team/my-app", "1.2")]
    [InlineData("127.0.0.1:5000/my-app:1.2", "127.0.0.1:5000", "my-app", "1.2")]
    [InlineData("127.0.0.1:5000/team/my-app", "127.0.0.1:5000", "team/my-app", null)]
    [InlineData("localhost/my-app:1", "localhost", "my-app", "1")]
    [InlineData("registry.example.com/my_app:1.0-SNAPSHOT", "registry.example.com", "my_app", "1.0-SNAPSHOT")]
    public void A_reference_is_read_as_the_engine_reads_it(string text, string? registry, string repository, string? tag)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal((registry, repository, tag), (reference.Registry, reference.Repository, reference.Tag));
        Assert.Equal(text, reference.ToString());
    }

    [Fact]
    public void A_digest_is_the_version_a_registry_is_asked_for()
    {
        const string Digest = "sha256:c8b8131d3925381f2de4625332a21fd57d572850aed6bd59481acf9a37780dcc";

        var reference = ImageReference.Parse($"127.0.0.1:5000/my-app@{Digest}");

        Assert.Equal((null, Digest, Digest), (reference.Tag, reference.Digest, reference.Version));
    }

    [Fact]
    public void A_reference_without_a_tag_is_latest_to_a_registry()
    {
        Assert.Equal("latest", ImageReference.Parse("my-app").Version);
    }

    [Theory]
    [InlineData("My-App:1")]
    [InlineData("my-app:")]
    [InlineData("my app:1")]
    [InlineData("my-app:1:2")]
    [InlineData("")]
    public void What_is_no_reference_is_refused_with_the_text_quoted(string text)
    {
        Assert.False(ImageReference.TryParse(text, out _, out var problem));
        Assert.Contains($"'{text}'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unqualified_name_moves_onto_a_registry_keeping_its_path_and_tag()
    {
        var moved = ImageReference.Parse("team/my-app:1.2").On("127.0.0.1:5000");

        Assert.Equal("127.0.0.1:5000/team/my-app:1.2", moved.ToString());
        Assert.True(moved.IsOn("127.0.0.1:5000"));
        Assert.False(moved.IsOn("127.0.0.1:5001"));
    }
}
