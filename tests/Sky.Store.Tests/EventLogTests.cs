namespace Sky.Store.Tests;

public sealed class EventLogTests
{
    [Fact]
    public void Recent_events_come_oldest_first_and_can_be_narrowed_to_a_service()
    {
        using var folder = new TempDataDirectory();
        var log = new EventLog(new SkyDatabase(folder.Path), TimeProvider.System);
        log.Append("start", "web", "production", "started web-production");
        log.Append("apply", null, null, "applied revision 1");
        log.Append("stop", "web", "production", "stopped web-production");

        Assert.Equal(["started web-production", "applied revision 1", "stopped web-production"], log.Recent(10).Select(e => e.Message));
        Assert.Equal(["applied revision 1", "stopped web-production"], log.Recent(2).Select(e => e.Message));
        Assert.Equal(["start", "stop"], log.Recent(10, "web").Select(e => e.Kind));
    }
}
