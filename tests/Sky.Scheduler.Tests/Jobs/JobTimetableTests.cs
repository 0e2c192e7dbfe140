using Sky.Model;
using static Sky.Scheduler.Tests.Jobs.SchedulerHarness;

namespace Sky.Scheduler.Tests.Jobs;

public sealed class JobTimetableTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_next_due_instant_is_the_earliest_tick_of_any_job()
    {
        var timetable = new JobTimetable();
        timetable.Update([Job("hourly", "1 hour"), Job("quarter", "15 minutes"), Job("daily", "1 day at 17:00")], Start.AddMinutes(7));

        Assert.Equal(Start.AddMinutes(15), timetable.NextDue());
        Assert.Equal(Start.AddHours(1), timetable.NextOf("hourly"));
        Assert.Equal(Start.AddHours(7), timetable.NextOf("daily"));
    }

    [Fact]
    public void Taking_due_ticks_returns_them_in_due_order_and_moves_each_job_on()
    {
        var timetable = new JobTimetable();
        timetable.Update([Job("hourly", "1 hour"), Job("quarter", "15 minutes")], Start.AddMinutes(1));

        Assert.Empty(timetable.TakeDue(Start.AddMinutes(14)));
        var due = timetable.TakeDue(Start.AddHours(1));

        Assert.Equal([("quarter", Start.AddMinutes(15)), ("hourly", Start.AddHours(1))], due.Select(t => (t.Job.Name, t.ScheduledAt)));
        Assert.Equal(Start.AddMinutes(75), timetable.NextDue());
    }

    [Fact]
    public void Ticks_missed_while_the_process_was_stalled_are_coalesced_into_one()
    {
        var timetable = new JobTimetable();
        timetable.Update([Job("often", "1 minute")], Start);

        var due = timetable.TakeDue(Start.AddMinutes(10).AddSeconds(30));

        Assert.Equal([Start.AddMinutes(1)], due.Select(t => t.ScheduledAt));
        Assert.Equal(Start.AddMinutes(11), timetable.NextDue());
    }

    [Fact]
    public void A_new_revision_keeps_unchanged_schedules_recomputes_changed_ones_and_drops_removed_jobs()
    {
        var timetable = new JobTimetable();
        timetable.Update([Job("same", "1 hour"), Job("changed", "1 hour"), Job("removed", "1 minute")], Start);

        timetable.Update([Job("same", "1 hour", j => j with { Image = "base:0.8" }), Job("changed", "10 minutes"), Job("added", "1 day at 12:00")], Start.AddMinutes(31));

        Assert.Equal(["added", "changed", "same"], timetable.Jobs.Select(j => j.Name));
        Assert.Equal(Start.AddHours(1), timetable.NextOf("same"));
        Assert.Equal("base:0.8", timetable.Find("same")!.Image);
        Assert.Equal(Start.AddMinutes(40), timetable.NextOf("changed"));
        Assert.Equal(Start.AddHours(2), timetable.NextOf("added"));
        Assert.Null(timetable.NextOf("removed"));
    }

    [Fact]
    public void A_changed_time_zone_is_a_changed_schedule()
    {
        var timetable = new JobTimetable();
        timetable.Update([Job("report", "1 day at 17:00")], Start);

        timetable.Update([Job("report", "1 day at 17:00", j => j with { TimeZone = "Europe/Paris" })], Start);

        Assert.Equal(Start.AddHours(5), timetable.NextOf("report"));
    }

    [Fact]
    public void A_schedule_that_cannot_be_read_is_reported_and_not_scheduled()
    {
        var timetable = new JobTimetable();

        var errors = timetable.Update([Job("bad", "1 fortnight"), Job("good", "1 hour")], Start);

        Assert.Equal("bad", Assert.Single(errors).Split(':')[0]);
        Assert.Equal(["good"], timetable.Jobs.Select(j => j.Name));
        Assert.Equal(MissedRunPolicy.Skip, timetable.Find("good")!.Missed);
    }
}
