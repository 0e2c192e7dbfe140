using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace Sky.Store.Tests;

public sealed class EventLogTests
{
    [Fact]
    public async Task Recent_events_come_oldest_first_and_can_be_narrowed_to_a_service_and_a_time()
    {
        using var folder = new TempDataDirectory();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var log = new EventLog(new TelemetryDatabase(folder.Path), clock);
        log.Append("start", "web", "production", "started web-production");
        clock.Advance(TimeSpan.FromHours(2));
        log.Append("apply", null, null, "applied revision 1");
        log.Append("stop", "web", "production", "stopped web-production");

        Assert.Equal(["started web-production", "applied revision 1", "stopped web-production"], (await log.RecentAsync(10)).Select(e => e.Message));
        Assert.Equal(["applied revision 1", "stopped web-production"], (await log.RecentAsync(2)).Select(e => e.Message));
        Assert.Equal(["start", "stop"], (await log.RecentAsync(10, "web")).Select(e => e.Kind));
        Assert.Equal(["stop"], (await log.RecentAsync(10, "web", clock.GetUtcNow() - TimeSpan.FromHours(1))).Select(e => e.Kind));
    }

    [Fact]
    public async Task Retention_drops_events_past_their_age_and_beyond_the_count_kept()
    {
        using var folder = new TempDataDirectory();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        var log = new EventLog(new TelemetryDatabase(folder.Path), clock);
        log.Append("apply", null, null, "old");
        clock.Advance(TimeSpan.FromDays(31));
        for (var i = 0; i < 5; i++)
        {
            log.Append("apply", null, null, $"new {i}");
        }

        Assert.Equal(3, log.ApplyRetention(TimeSpan.FromDays(30), keep: 3));
        Assert.Equal(["new 2", "new 3", "new 4"], (await log.RecentAsync(10)).Select(e => e.Message));
    }

    [Fact]
    public void Events_are_written_while_the_control_plane_is_locked_by_a_long_write()
    {
        using var folder = new TempDataDirectory();
        var control = new SkyDatabase(folder.Path);
        var log = new EventLog(new TelemetryDatabase(folder.Path), TimeProvider.System);
        using var writer = control.Open();
        using var transaction = writer.BeginTransaction();
        writer.Execute("INSERT INTO service_intents(service, instance, running, changed_at) VALUES ('web', 'production', 1, 'now')", transaction: transaction);

        // The control plane's write lock is held (a busy apply): the event log does not wait for it.
        var id = log.Append("restart", "web", "production", "restarted web-production");

        Assert.True(id > 0);
        transaction.Rollback();
    }

    [Fact]
    public async Task The_event_log_of_an_earlier_data_folder_moves_to_the_telemetry_file_once()
    {
        using var folder = new TempDataDirectory();
        using (var connection = new SkyDatabase(folder.Path).Open())
        {
            connection.Execute("INSERT INTO events(time, kind, service, instance, message) VALUES ('2026-11-01T00:00:00.0000000+00:00', 'apply', NULL, NULL, 'applied revision 1')");
        }

        var log = new EventLog(new TelemetryDatabase(folder.Path), TimeProvider.System);
        log.Append("apply", null, null, "applied revision 2");
        var again = new EventLog(new TelemetryDatabase(folder.Path), TimeProvider.System);

        Assert.Equal(["applied revision 1", "applied revision 2"], (await again.RecentAsync(10)).Select(e => e.Message));
    }
}
