using Sky.Configuration.Values;

namespace Sky.Configuration.Tests.Values;

public class ImageReferenceTests
{
    [Theory]
    [InlineData("base:0.7", "base", "0.7")]
    [InlineData("base", "base", null)]
    [InlineData("library/redis:7-alpine", "library/redis", "7-alpine")]
    [InlineData("127.0.0.1:5000/x:1", "127.0.0.1:5000/x", "1")]
    [InlineData("127.0.0.1:5000/x", "127.0.0.1:5000/x", null)]
    [InlineData("localhost/team/app:1.0-SNAPSHOT", "localhost/team/app", "1.0-SNAPSHOT")]
    [InlineData("registry.example.com:443/a/b", "registry.example.com:443/a/b", null)]
    public void The_tag_is_what_follows_the_last_colon_after_the_last_slash(string text, string repository, string? tag)
    {
        Assert.True(ImageReference.TryParse(text, out var image, out var error), error);
        Assert.Equal(repository, image!.Repository);
        Assert.Equal(tag, image.Tag);
    }

    [Theory]
    [InlineData("base", null, "base:latest")]
    [InlineData("base", "0.7", "base:0.7")]
    [InlineData("base:0.7", null, "base:0.7")]
    [InlineData("127.0.0.1:5000/x", "2", "127.0.0.1:5000/x:2")]
    public void Without_a_tag_the_version_or_latest_is_used(string text, string? version, string reference)
    {
        Assert.True(ImageReference.TryParse(text, out var image, out _));
        Assert.Equal(reference, image!.WithVersion(version));
    }

    [Fact]
    public void A_digest_pins_the_image_as_written()
    {
        var digest = "sha256:" + new string('a', 64);

        Assert.True(ImageReference.TryParse($"base@{digest}", out var image, out _));

        Assert.True(image!.HasTag);
        Assert.Equal($"base@{digest}", image.WithVersion("ignored"));
    }

    [Theory]
    [InlineData("My-App")]
    [InlineData("my app")]
    [InlineData("")]
    [InlineData("app:")]
    [InlineData("app:bad tag")]
    [InlineData("/app")]
    [InlineData("app@sha256:nothex")]
    public void Malformed_images_are_refused_with_a_reason(string text)
    {
        Assert.False(ImageReference.TryParse(text, out _, out var error));
        Assert.NotNull(error);
    }
}
