namespace Sky.Store.Tests;

public sealed class ServiceIntentRepositoryTests
{
    [Fact]
    public void The_last_wish_for_an_instance_wins()
    {
        using var folder = new TempDataDirectory();
        var intents = new ServiceIntentRepository(new SkyDatabase(folder.Path), TimeProvider.System);

        intents.Set("web", "production", running: true);
        intents.Set("web", "dev", running: true);
        intents.Set("web", "production", running: false);

        Assert.Equal(
            [new ServiceIntent("web", "dev", true), new ServiceIntent("web", "production", false)],
            intents.All());
    }
}
