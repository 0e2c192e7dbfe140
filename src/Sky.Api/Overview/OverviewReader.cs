using System.Text.Json;
using Sky.Api.Routing;
using Sky.Api.Views;
using Sky.Contracts;
using Sky.Feed;
using Sky.Metrics;
using Sky.Metrics.Sampling;
using Sky.Model;
using Sky.Model.Metrics;
using Sky.Router;
using Sky.Scheduler;
using Sky.Store;
using Sky.Supervisor;

namespace Sky.Api.Overview;

/// <summary>
/// Builds the dashboard's overview from what the daemon holds in memory: the feed's snapshot (services, containers,
/// health), sky's restart counts, the router's table and addresses, the newest metric values, the recent CPU and memory
/// (<see cref="Sparklines"/>) and the open alerts. No engine call: the page's first paint must not wait on the engine, however many
/// containers there are.
/// </summary>
public sealed class OverviewReader(
    StateFeed feed,
    ServiceIntentRepository intents,
    IContainerHealthView health,
    RouterState router,
    RouterAddresses addresses,
    LatestValues latest,
    Sparklines sparklines,
    MetricsSettings metrics,
    AlertRepository alerts,
    JobScheduler scheduler,
    TimeProvider clock)
{
    /// <summary>The series every sampling round writes once (its own duration): its newest time is the newest round's.</summary>
    private static readonly MetricSeries SampleRound = new(ResourceSampler.SampleSeconds, MetricLabels.None);

    private readonly SharedAnswer shared = new(clock, TimeSpan.FromSeconds(1));

    /// <summary>
    /// The overview as JSON, shared by the reads within a second at the same feed position: every open page asks
    /// just after each sample. Built apart from any one caller, so a page that goes away does not fail the others.
    /// </summary>
    public Task<byte[]> ReadJsonAsync(CancellationToken cancellationToken) =>
        shared.GetAsync(feed.Current.Sequence, async () => JsonSerializer.SerializeToUtf8Bytes(await ReadAsync(CancellationToken.None), SkyJson.Info<OverviewView>()))
            .WaitAsync(cancellationToken);

    public async Task<OverviewView> ReadAsync(CancellationToken cancellationToken)
    {
        var snapshot = feed.Current;
        var wanted = intents.All().Where(i => i.Running).Select(i => (i.Service, i.Instance)).ToHashSet();
        var figures = TopRows.Of(snapshot, latest).ToDictionary(r => r.Container, StringComparer.Ordinal);
        var recent = await sparklines.ReadAsync(cancellationToken);
        var open = alerts.Recent(openOnly: true, limit: 200);
        var deliveries = alerts.LatestDeliveries(open.Select(a => a.Id).ToList());
        return new OverviewView
        {
            Sequence = snapshot.Sequence,
            Revision = snapshot.Revision,
            EngineConnected = snapshot.EngineConnected,
            SampleIntervalSeconds = metrics.SampleInterval.TotalSeconds,
            NextSampleInSeconds = NextSample(),
            Services = snapshot.State.Services.Select(service => new OverviewServiceView(
                service.Name,
                service.Maintainer is { } maintainer ? $"{maintainer.Name} <{maintainer.Email}>" : null,
                service.Instances.Select(instance => Instance(snapshot, instance, wanted.Contains((instance.Service, instance.Name)), figures, recent)).ToList())).ToList(),
            Jobs = scheduler.Overview().Select(JobViews.From).ToList(),
            OpenAlerts = open.Select(a => AlertViews.From(a, deliveries)).ToList(),
        };
    }

    /// <summary>The newest sample's time plus the interval, from now; null when unknown or overdue (sampling stalled).</summary>
    private double? NextSample()
    {
        if (latest.Get(SampleRound) is not { } newest)
        {
            return null;
        }

        var due = newest.Time + metrics.SampleInterval - clock.GetUtcNow();
        return due < TimeSpan.Zero ? null : Math.Round(due.TotalSeconds, 3);
    }

    private OverviewInstanceView Instance(
        FeedSnapshot snapshot,
        InstanceSpec instance,
        bool wanted,
        Dictionary<string, TopRowView> figures,
        IReadOnlyDictionary<(string Container, string Name), IReadOnlyList<double>> recent)
    {
        var routed = RoutedAddresses.Of(instance, addresses);
        var containers = instance.Containers.Select(spec =>
        {
            var facts = snapshot.Containers.GetValueOrDefault(spec.Name);
            var checks = snapshot.HealthOf(spec.Name);
            return new OverviewContainerView
            {
                Name = spec.Name,
                Role = spec.Role,
                Id = facts?.Id[..Math.Min(12, facts.Id.Length)],
                Phase = facts is null ? "missing" : facts.Phase.ToString().ToLowerInvariant(),
                Health = checks?.Health,
                LastCheck = checks?.LastCheck,
                Restarts = health.Get(spec.Name)?.Restarts ?? 0,
                Image = spec.Image,
                Revision = facts?.Revision,
                HostPorts = facts?.HostPorts ?? new Dictionary<int, int>(),
                Router = RouterStateViews.Of(router, spec.Name),
                Figures = figures.GetValueOrDefault(spec.Name),
                CpuHistory = recent.GetValueOrDefault((spec.Name, MetricNames.CpuPercent)) ?? [],
                MemoryHistory = recent.GetValueOrDefault((spec.Name, MetricNames.MemoryUsage)) ?? [],
            };
        }).ToList();
        return new OverviewInstanceView(ServiceListViews.Instance(snapshot, instance, wanted), routed.Count > 0 ? routed : null, containers);
    }
}
