using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sky.Alerts;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Metrics.Rules;
using Sky.Model;
using Sky.Model.Metrics;

namespace Sky.Metrics.Tests.Rules;

public sealed class MetricAlertsTests : IDisposable
{
    private static readonly MetricLabels Web = new("web", "default", "web");

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly StateFeed feed;
    private readonly LatestValues latest = new();
    private readonly RecentValues recent = new();
    private readonly RecordingSink alerts = new();
    private readonly IncidentTracker incidents = new(new EscalationSettings { HighAfter = 2 });
    private readonly List<Notice> notices = [];
    private MetricAlerts? evaluator;

    public MetricAlertsTests()
    {
        feed = new StateFeed(clock);
        alerts.Received += signal => notices.AddRange(incidents.Signal(signal, clock.GetUtcNow()));
    }

    public void Dispose() => evaluator?.Dispose();

    [Fact]
    public void A_threshold_held_for_its_duration_fires_once_escalates_while_it_holds_and_recovers()
    {
        var evaluator = Evaluator(new MetricRule { Metric = MetricNames.CpuPercent, Above = 90, For = TimeSpan.FromSeconds(30), Text = "cpu.percent above 90 for 30s" });

        Measure(MetricNames.CpuPercent, 95);
        evaluator.Evaluate();
        Advance(TimeSpan.FromSeconds(20), MetricNames.CpuPercent, 96);
        Assert.Empty(notices); // held 20 s of 30

        Advance(TimeSpan.FromSeconds(10), MetricNames.CpuPercent, 97);
        var opened = Assert.Single(notices);
        Assert.Equal(NoticeKind.Opened, opened.Kind);
        Assert.Equal(AlertPriority.Low, opened.Incident.Priority);
        Assert.Equal("web", opened.Incident.Container);
        Assert.Contains("cpu.percent is 97 (above 90)", opened.Incident.Message, StringComparison.Ordinal);

        Advance(TimeSpan.FromSeconds(30), MetricNames.CpuPercent, 98);
        Assert.Single(notices); // raised again only after a minute of holding

        Advance(TimeSpan.FromSeconds(30), MetricNames.CpuPercent, 99);
        Assert.Equal([NoticeKind.Opened, NoticeKind.Escalated], notices.Select(n => n.Kind));
        Assert.Equal(AlertPriority.High, notices[^1].Incident.Priority);

        Advance(TimeSpan.FromSeconds(10), MetricNames.CpuPercent, 12);
        Assert.Equal([NoticeKind.Opened, NoticeKind.Escalated, NoticeKind.Resolved], notices.Select(n => n.Kind));
        Assert.Equal([AlertPriority.Low, AlertPriority.High], notices[^1].Priorities);
    }

    [Fact]
    public void A_threshold_crossed_for_less_than_its_duration_raises_nothing()
    {
        var evaluator = Evaluator(new MetricRule { Metric = MetricNames.MemoryPercent, Below = 10, For = TimeSpan.FromMinutes(1), Text = "memory.percent below 10 for 1m" });

        Measure(MetricNames.MemoryPercent, 5);
        evaluator.Evaluate();
        Advance(TimeSpan.FromSeconds(50), MetricNames.MemoryPercent, 5);
        Advance(TimeSpan.FromSeconds(5), MetricNames.MemoryPercent, 50);
        Advance(TimeSpan.FromSeconds(30), MetricNames.MemoryPercent, 5);

        Assert.Empty(notices);
    }

    [Fact]
    public void A_below_rule_fires_escalates_and_recovers()
    {
        var evaluator = Evaluator(new MetricRule { Metric = MetricNames.MemoryPercent, Below = 10, For = TimeSpan.FromMinutes(1), Text = "memory.percent below 10 for 1m" });

        Measure(MetricNames.MemoryPercent, 5);
        evaluator.Evaluate();
        Advance(TimeSpan.FromMinutes(1), MetricNames.MemoryPercent, 4);
        Advance(TimeSpan.FromMinutes(1), MetricNames.MemoryPercent, 3);
        Advance(TimeSpan.FromSeconds(10), MetricNames.MemoryPercent, 30);

        Assert.Equal([NoticeKind.Opened, NoticeKind.Escalated, NoticeKind.Resolved], notices.Select(n => n.Kind));
        Assert.Contains("memory.percent is 4 (below 10)", notices[0].Incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_of_change_fires_when_a_statsd_counter_fell_by_half_over_its_window_escalates_and_recovers()
    {
        var evaluator = Evaluator(new MetricRule { Metric = "stats_counts.logins", Change = -0.5, ChangeIsRelative = true, Over = TimeSpan.FromMinutes(10), Text = "stats_counts.logins change -50% over 10m" });

        // The first value comes before the rule is first read, so it is not kept: eleven minutes give ten of history.
        for (var minute = 0; minute <= 10; minute++)
        {
            Advance(TimeSpan.FromMinutes(1), "stats_counts.logins", 100, MetricLabels.None);
        }

        Assert.Empty(notices);
        Advance(TimeSpan.FromMinutes(1), "stats_counts.logins", 40, MetricLabels.None);

        var opened = Assert.Single(notices);
        Assert.Equal(NoticeKind.Opened, opened.Kind);
        Assert.Contains("went from 100 to 40 (-60%)", opened.Incident.Message, StringComparison.Ordinal);
        Assert.Null(opened.Incident.Container);

        Advance(TimeSpan.FromMinutes(1), "stats_counts.logins", 45, MetricLabels.None);
        Assert.Equal(NoticeKind.Escalated, notices[^1].Kind); // still half of what it was ten minutes before, a minute on

        Advance(TimeSpan.FromMinutes(1), "stats_counts.logins", 95, MetricLabels.None);
        Assert.Equal([NoticeKind.Opened, NoticeKind.Escalated, NoticeKind.Resolved], notices.Select(n => n.Kind));
    }

    [Fact]
    public void Two_rules_of_one_instance_are_two_incidents()
    {
        var evaluator = Evaluator(
            new MetricRule { Metric = MetricNames.CpuPercent, Above = 50, Text = "cpu.percent above 50" },
            new MetricRule { Metric = MetricNames.MemoryPercent, Above = 50, Text = "memory.percent above 50" });

        Measure(MetricNames.CpuPercent, 60);
        Measure(MetricNames.MemoryPercent, 70);
        evaluator.Evaluate();

        Assert.Equal(2, notices.Count(n => n.Kind == NoticeKind.Opened));
        Assert.Equal(["cpu.percent above 50", "memory.percent above 50"], notices.Select(n => n.Incident.Rule).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_value_no_longer_written_stops_counting()
    {
        var evaluator = Evaluator(new MetricRule { Metric = MetricNames.CpuPercent, Above = 50, Text = "cpu.percent above 50" });
        Measure(MetricNames.CpuPercent, 60);
        evaluator.Evaluate();
        Assert.Equal(NoticeKind.Opened, Assert.Single(notices).Kind);

        // The container was removed: its last value stays in the newest values for a while, but it is old.
        clock.Advance(TimeSpan.FromMinutes(2));
        evaluator.Evaluate();

        Assert.Equal(NoticeKind.Resolved, notices[^1].Kind);
    }

    private MetricAlerts Evaluator(params MetricRule[] rules)
    {
        var instance = new InstanceSpec { Service = "web", Name = "default", Network = "sky-web", Containers = [], Alerts = rules };
        var service = new ServiceSpec { Name = "web", Maintainer = new Maintainer("Jane", "jane@example.com"), Instances = [instance] };
        feed.Publish(new DesiredStateChanged(1, new DesiredState([service], []), "test"));
        evaluator = new MetricAlerts(feed, latest, recent, alerts, new MetricsSettings(), clock, NullLogger<MetricAlerts>.Instance);
        return evaluator;
    }

    private void Measure(string name, double value, MetricLabels? labels = null)
    {
        IReadOnlyList<MetricPoint> points = [new MetricPoint(name, labels ?? Web, value, clock.GetUtcNow())];
        latest.Record(points);
        recent.Offer(points);
    }

    /// <summary>Time passes, a new value is measured, the rules are evaluated: what the daemon does every few seconds.</summary>
    private void Advance(TimeSpan by, string name, double value, MetricLabels? labels = null)
    {
        clock.Advance(by);
        Measure(name, value, labels);
        evaluator!.Evaluate();
    }

    private sealed class RecordingSink : IAlertSink
    {
        public event Action<AlertSignal>? Received;

        public void Signal(AlertSignal signal) => Received?.Invoke(signal);
    }
}
