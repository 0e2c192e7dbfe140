namespace Sky.Dashboard.Tests;

/// <summary>The dashboard's tests share one browser and run one after the other: each drives a daemon and the engine.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "dashboard";
}
