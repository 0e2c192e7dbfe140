namespace Sky.Configuration.Tests.Resolution;

public class ImageResolverTests
{
    [Theory]
    [InlineData("  image: app\n  version: '2'\n", "", "app:2")]
    [InlineData("  image: app\n", "", "app:latest")]
    [InlineData("  image: app:1\n", "", "app:1")]
    [InlineData("  image: app\n  version: '1'\n", "{version: '2'}", "app:2")]
    [InlineData("  image: app:1\n", "{version: '2'}", "app:2")]
    [InlineData("  image: app\n  version: '1'\n", "{image: other}", "other:1")]
    [InlineData("  image: app\n  version: '1'\n", "{image: 'other:3'}", "other:3")]
    [InlineData("  image: 127.0.0.1:5000/app\n", "{version: '4'}", "127.0.0.1:5000/app:4")]
    public void The_more_specific_level_decides_image_and_tag(string parent, string instance, string image)
    {
        var yaml = "app:\n" + parent + (instance.Length == 0 ? "" : $"  instances:\n    one: {instance}\n");

        var state = TestConfig.Valid(yaml);

        Assert.Equal(image, state.FindService("app")!.Instances.Single().Containers.Single().Image);
    }
}
