using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Alerts;
using Sky.Feed;
using Sky.Model;
using Sky.Model.Metrics;

namespace Sky.Metrics.Rules;

/// <summary>
/// Evaluates every instance's metric rules (<c>alerts:</c>) every few seconds against the newest values: a rule that
/// holds (for a container of the instance, or for a StatsD name) long enough raises an alert to the maintainer
/// through the usual channels; while it keeps holding it is raised again each <c>for</c> (at least each minute),
/// which is what escalates it; when it stops holding, its alert recovers. The rules come from the state feed's
/// desired state, so an apply changes them at once.
/// </summary>
public sealed class MetricAlerts(StateFeed feed, LatestValues latest, RecentValues recent, IAlertSink alerts, MetricsSettings settings, TimeProvider clock, ILogger<MetricAlerts> logger) : BackgroundService
{
    public static readonly TimeSpan EvaluateEvery = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan LeastRepeat = TimeSpan.FromMinutes(1);

    private readonly Dictionary<(string Service, string Instance, string Rule), RuleState> states = [];

    /// <summary>A value older than this no longer counts: its container is gone, or its endpoint stopped answering.</summary>
    private TimeSpan Fresh => TimeSpan.FromTicks(Math.Max(3 * settings.SampleInterval.Ticks, TimeSpan.FromMinutes(1).Ticks));

    public void Evaluate()
    {
        var now = clock.GetUtcNow();
        var seen = new HashSet<(string, string, string)>();
        var watched = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var service in feed.Current.State.Services)
        {
            foreach (var instance in service.Instances)
            {
                foreach (var rule in instance.Alerts)
                {
                    if (rule.Change is not null)
                    {
                        watched[rule.Metric] = watched.TryGetValue(rule.Metric, out var longest) && longest > rule.Over ? longest : rule.Over;
                    }

                    var key = (service.Name, instance.Name, rule.Text);
                    seen.Add(key);
                    Judge(service, instance, rule, key, now);
                }
            }
        }

        foreach (var (key, state) in states.Where(s => !seen.Contains(s.Key)).ToList())
        {
            states.Remove(key);
            if (state.Firing)
            {
                alerts.Signal(new AlertSignal(SignalKind.MetricRecovered, key.Service, key.Instance, null, null, $"the rule '{key.Rule}' was removed from the configuration", Rule: key.Rule));
            }
        }

        recent.Watch(watched);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(EvaluateEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    Evaluate();
                }
                catch (Exception exception)
                {
                    logger.LogWarning("metrics: evaluating alert rules failed: {Error}", exception.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Judge(ServiceSpec service, InstanceSpec instance, MetricRule rule, (string, string, string) key, DateTimeOffset now)
    {
        var state = states.TryGetValue(key, out var known) ? known : states[key] = new RuleState();
        var crossing = Crossing(service.Name, instance.Name, rule, now);
        if (crossing is null)
        {
            state.HoldingSince = null;
            if (state.Firing)
            {
                state.Firing = false;
                alerts.Signal(new AlertSignal(SignalKind.MetricRecovered, service.Name, instance.Name, null, service.Maintainer, $"{rule.Metric} is within the rule again ({rule.Text})", Rule: rule.Text));
            }

            return;
        }

        state.HoldingSince ??= now;
        var repeat = rule.For > LeastRepeat ? rule.For : LeastRepeat;
        if ((!state.Firing && now - state.HoldingSince >= rule.For) || (state.Firing && now - state.LastSignal >= repeat))
        {
            state.Firing = true;
            state.LastSignal = now;
            var (container, description) = crossing.Value;
            var where = container is null ? "" : $" in {container}";
            alerts.Signal(new AlertSignal(SignalKind.MetricRule, service.Name, instance.Name, container, service.Maintainer, $"{description}{where}: rule '{rule.Text}'", Rule: rule.Text));
        }
    }

    /// <summary>The first series of the instance (or StatsD's, for its names) that crosses the rule now, with the words that say so.</summary>
    private (string? Container, string Description)? Crossing(string service, string instance, MetricRule rule, DateTimeOffset now)
    {
        var statsd = MetricNames.IsStatsd(rule.Metric);
        var candidates = latest.Where(series => series.Name == rule.Metric
            && (statsd ? series.Labels.Service is null : series.Labels.Service == service && series.Labels.Instance == instance));
        foreach (var point in candidates.OrderBy(p => p.Labels.Container, StringComparer.Ordinal))
        {
            if (now - point.Time > Fresh)
            {
                continue;
            }

            var before = rule.Change is null ? null : recent.At(MetricSeries.Of(point), now - rule.Over);
            if (RuleCheck.Crosses(rule, point.Value, before) is { } description)
            {
                return (point.Labels.Container, description);
            }
        }

        return null;
    }

    private sealed class RuleState
    {
        public DateTimeOffset? HoldingSince { get; set; }

        public bool Firing { get; set; }

        public DateTimeOffset LastSignal { get; set; }
    }
}
