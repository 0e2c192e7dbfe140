using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sky.Alerts;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Model;
using Sky.Store;
using Sky.Supervisor.Health;
using Sky.Supervisor.Restarts;
using Sky.Supervisor.Supervision;

namespace Sky.Supervisor.Tests.Health;

public sealed class CheckVerdictsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sky-verdicts-").FullName;
    private static readonly DateTimeOffset Started = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Started);
    private readonly StateFeed feed;
    private readonly HealthRegistry registry;
    private readonly EventLog events;
    private readonly List<(SignalKind Kind, string Message)> signals = [];
    private readonly CheckVerdicts verdicts;

    public CheckVerdictsTests()
    {
        feed = new StateFeed(clock);
        registry = new HealthRegistry(feed);
        var database = new SkyDatabase(folder);
        events = new EventLog(new TelemetryDatabase(folder), clock, feed);
        var alerts = new AlertSignals(feed, new RecordingSink(signals));
        var history = new RestartHistory(registry, new RestartCountRepository(database, clock), events, alerts, clock, NullLogger<RestartHistory>.Instance);
        verdicts = new CheckVerdicts(registry, events, history, alerts);
    }

    private static ContainerSpec Web(int retries) => new()
    {
        Name = "web-production",
        Service = "web",
        Instance = "production",
        Role = SkyLabels.MainRole,
        Definition = "web",
        Network = "web-production",
        Image = "my-application:1.0",
        Checks = [new CheckSpec { Kind = CheckKind.Http, Path = "/health", Port = 8080, Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(2), Retries = retries, StartPeriod = TimeSpan.Zero }],
    };

    [Fact]
    public async Task A_container_turning_unhealthy_reaches_a_feed_subscriber_with_the_verdict_and_no_clock_advance()
    {
        var spec = Web(retries: 1);
        var prober = new ScriptedProber(clock, new CheckOutcome(false, "HTTP 503"));
        registry.Update(spec.Name, _ => new HealthEntry("c1", HealthNames.Starting, null, 0));
        using var subscription = feed.Subscribe();
        using var stop = new CancellationTokenSource();
        var runner = new CheckRunner(prober, clock);
        // A container that started one interval ago (a restarted daemon adopts it): it is past its booting time.
        var now = clock.GetUtcNow();
        var running = runner.RunAsync(spec, "c1", new Dictionary<int, int> { [8080] = 32768 }, now - spec.Checks[0].Interval, r => verdicts.Take(r), stop.Token);

        // The first probe fails (no start period, one retry): the verdict is on the feed with the clock where it was.
        var unhealthy = await NextHealthAsync(subscription);
        Assert.Equal((HealthNames.Unhealthy, HealthNames.Starting, "c1"), (unhealthy.Health.Health, unhealthy.Previous, unhealthy.Health.ContainerId));
        Assert.Contains("HTTP 503", unhealthy.Health.LastCheck, StringComparison.Ordinal);
        Assert.Equal(now, unhealthy.Time);
        Assert.Equal(now, clock.GetUtcNow());

        // The event log says it, on the feed too, and the maintainer is told.
        var activity = await NextAsync<ActivityRecorded>(subscription);
        Assert.Equal("unhealthy", activity.Kind);
        Assert.Contains(signals, s => s.Kind == SignalKind.Unhealthy);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task A_container_still_binding_its_port_when_first_probed_turns_healthy_without_an_alert()
    {
        var spec = Web(retries: 2);
        var prober = new ScriptedProber(clock, new CheckOutcome(false, "connection refused"), new CheckOutcome(true, "HTTP 200"));
        registry.Update(spec.Name, _ => new HealthEntry("c1", HealthNames.Starting, null, 0));
        using var subscription = feed.Subscribe();
        using var stop = new CancellationTokenSource();
        var runner = new CheckRunner(prober, clock);
        // Started this instant: the early probes come before the application listens, inside its booting time.
        var running = runner.RunAsync(spec, "c1", new Dictionary<int, int> { [8080] = 32768 }, clock.GetUtcNow(), r => verdicts.Take(r), stop.Token);
        await WaitForProbesAsync(prober, 1);
        clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(HealthNames.Healthy, (await NextHealthAsync(subscription)).Health.Health);
        Assert.Empty(signals);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    private static async Task WaitForProbesAsync(ScriptedProber prober, int count)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (prober.Probes < count)
        {
            await Task.Delay(5, bound.Token);
        }
    }

    [Fact]
    public void A_late_verdict_of_the_previous_start_of_a_container_restarted_in_place_changes_nothing()
    {
        // Restarted with the same id, the container got a new host port; its previous runner, stopped, still reports
        // the failure of a probe of the old port.
        var spec = Web(retries: 1);
        registry.Update(spec.Name, _ => new HealthEntry("c1", HealthNames.Starting, null, 1, CheckedStart: Started.AddSeconds(30)));
        using var subscription = feed.Subscribe();

        var changed = verdicts.Take(new CheckReport(spec, "c1", Started, new CheckOutcome(false, "connection refused"), HealthNames.Unhealthy, true, true));

        Assert.False(changed);
        Assert.Equal(HealthNames.Starting, registry.Entry(spec.Name)!.Health);
        Assert.False(subscription.Changes.TryRead(out _));
        Assert.Empty(signals);
    }

    [Fact]
    public void A_verdict_about_a_replaced_container_changes_nothing()
    {
        var spec = Web(retries: 1);
        registry.Update(spec.Name, _ => new HealthEntry("new", HealthNames.Starting, null, 0));
        using var subscription = feed.Subscribe();

        var changed = verdicts.Take(new CheckReport(spec, "old", Started, new CheckOutcome(false, "refused"), HealthNames.Unhealthy, true, true));

        Assert.False(changed);
        Assert.Equal(HealthNames.Starting, registry.Entry(spec.Name)!.Health);
        Assert.False(subscription.Changes.TryRead(out _));
        Assert.Empty(signals);
    }

    [Fact]
    public async Task Recovery_after_unhealthy_is_logged_and_told_once()
    {
        var spec = Web(retries: 1);
        registry.Update(spec.Name, _ => new HealthEntry("c1", HealthNames.Healthy, null, 0));
        verdicts.Take(new CheckReport(spec, "c1", Started, new CheckOutcome(false, "refused"), HealthNames.Unhealthy, true, true));
        using var subscription = feed.Subscribe();

        verdicts.Take(new CheckReport(spec, "c1", Started, new CheckOutcome(true, "HTTP 200"), HealthNames.Healthy, true, true));
        verdicts.Take(new CheckReport(spec, "c1", Started, new CheckOutcome(true, "HTTP 200"), HealthNames.Healthy, false, true));

        Assert.Equal(HealthNames.Healthy, (await NextHealthAsync(subscription)).Health.Health);
        Assert.Equal("recovered", (await NextAsync<ActivityRecorded>(subscription)).Kind);
        Assert.Single(signals, s => s.Kind == SignalKind.Recovered);
        Assert.False(subscription.Changes.TryRead(out _));
    }

    private static Task<HealthChanged> NextHealthAsync(FeedSubscription subscription) => NextAsync<HealthChanged>(subscription);

    /// <summary>The next change of that type; bounded in real time only so a broken build fails instead of hanging.</summary>
    private static async Task<T> NextAsync<T>(FeedSubscription subscription)
        where T : FeedChange
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (await subscription.Changes.ReadAsync(bound.Token) is T change)
            {
                return change;
            }
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class RecordingSink(List<(SignalKind Kind, string Message)> signals) : IAlertSink
    {
        public void Signal(AlertSignal signal) => signals.Add((signal.Kind, signal.Message));
    }

    /// <summary>Answers each probe with the next outcome of its script, the last one forever after.</summary>
    private sealed class ScriptedProber(TimeProvider clock, params CheckOutcome[] script) : ICheckProber
    {
        private int next;

        public int Probes => Volatile.Read(ref next);

        public async Task<CheckOutcome> ProbeAsync(CheckSpec check, ContainerSpec spec, string containerId, IReadOnlyDictionary<int, int> published, TimeSpan after, CancellationToken cancellationToken)
        {
            if (after > TimeSpan.Zero)
            {
                await Task.Delay(after, clock, cancellationToken);
            }

            return script[Math.Min(Interlocked.Increment(ref next) - 1, script.Length - 1)];
        }
    }
}
