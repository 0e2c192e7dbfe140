using Microsoft.Extensions.Logging.Abstractions;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Model;
using Sky.Store;
using Sky.Testing.Engine;

namespace Sky.Scheduler.Tests.Jobs;

/// <summary>
/// A scheduler on a fake clock, a fake engine and a real SQLite store of its own (temp folder), so each test is
/// parallel-safe and drives time by hand. Start it again on the same store to play a daemon restart.
/// </summary>
public sealed class SchedulerHarness : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly string folder = Directory.CreateTempSubdirectory("sky-scheduler-").FullName;

    public SchedulerHarness(params JobSpec[] jobs)
    {
        Database = new SkyDatabase(folder);
        Runs = new JobRunRepository(Database, Clock);
        Apply(jobs);
    }

    public FakeTimeProvider Clock { get; } = new();

    public FakeContainerRuntime Runtime { get; } = new();

    public RecordingNotifier Notifier { get; } = new();

    public SkyDatabase Database { get; }

    public JobRunRepository Runs { get; }

    public Naming Naming { get; } = new("t");

    public JobScheduler? Scheduler { get; private set; }

    public static JobSpec Job(string name, string every, Func<JobSpec, JobSpec>? change = null)
    {
        var job = new JobSpec { Name = name, Image = "base:0.7", Command = ["true"], Every = every };
        return change is null ? job : change(job);
    }

    /// <summary>The daemon's state feed, which brings the scheduler every applied revision.</summary>
    public StateFeed Feed { get; } = new();

    /// <summary>A new revision with these jobs, published on the feed as an apply does.</summary>
    public void Apply(params JobSpec[] jobs) => Feed.Publish(new DesiredStateChanged(Feed.Current.Revision + 1, new DesiredState([], jobs), "test"));

    public async Task<JobScheduler> StartAsync()
    {
        var options = new JobSchedulerOptions { StopGrace = TimeSpan.FromSeconds(1) };
        var armory = new Arming.ArmedContainers(Runtime, Naming, options, Clock, NullLogger<Arming.ArmedContainers>.Instance);
        var runner = new JobRunner(Runtime, Runs, Notifier, armory, Naming, Clock, options, NullLogger<JobRunner>.Instance);
        var jobs = new ScheduledJobs(Feed, Clock, NullLogger<ScheduledJobs>.Instance);
        var dispatcher = new JobDispatcher(runner, Runs, jobs, Clock, NullLogger<JobDispatcher>.Instance);
        var recovery = new RunRecovery(Feed, jobs, dispatcher, runner, Runs, Runtime, Naming, Clock, options, NullLogger<RunRecovery>.Instance);
        var arming = new JobArming(armory, jobs, Clock, options, NullLogger<JobArming>.Instance);
        var retention = new RunRetention(Runs, Clock, options, NullLogger<RunRetention>.Instance);
        Scheduler = new JobScheduler(Feed, jobs, dispatcher, recovery, arming, retention, armory, Runs, Clock, NullLogger<JobScheduler>.Instance);
        await Scheduler.StartAsync(CancellationToken.None);
        await Scheduler.Ready.WaitAsync(Bound);
        return Scheduler;
    }

    public async Task StopAsync()
    {
        if (Scheduler is not null)
        {
            await Scheduler.StopAsync(CancellationToken.None);
            Scheduler.Dispose();
            Scheduler = null;
        }
    }

    /// <summary>Moves the fake clock second by second, so every tick on the way is seen in order.</summary>
    public async Task AdvanceAsync(TimeSpan span)
    {
        for (var moved = TimeSpan.Zero; moved < span; moved += TimeSpan.FromSeconds(1))
        {
            await LoopAsleepAsync();
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await LoopAsleepAsync();
    }

    /// <summary>
    /// Waits until the loop (which works on the thread pool) has dealt with everything due and sleeps towards a future
    /// instant: moving time earlier would make it see several ticks at once.
    /// </summary>
    private async Task LoopAsleepAsync()
    {
        if (Scheduler is { } scheduler)
        {
            await EventuallyAsync(() => scheduler.SleepingUntil > Clock.GetUtcNow(), () => "the scheduler loop never went back to sleep");
        }
    }

    public DateTimeOffset At(int seconds) => new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(seconds);

    /// <summary>Runs of a job, oldest first.</summary>
    public IReadOnlyList<JobRun> RunsOf(string job) => Runs.List(job, 1000).Reverse().ToList();

    /// <summary>Waits (real time, bounded) until the condition holds: the runner works on the thread pool.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, describe());
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
