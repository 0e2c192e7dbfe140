using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Metrics.Sampling;
using Sky.Model;
using Sky.Model.Metrics;

namespace Sky.Metrics.Polling;

/// <summary>
/// Polls the expvar and Prometheus endpoints an instance's <c>metrics:</c> declares, on the main port of each of its
/// running containers (published on 127.0.0.1, from the state feed), each at its own interval. Every poll writes its
/// values and the failure metric (1 failed, 0 worked); a failure is logged once when it starts, not at every poll.
/// </summary>
public sealed class EndpointPolling(StateFeed feed, IMetricSink sink, TimeProvider clock, ILogger<EndpointPolling> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly MetricPoller poller = new(clock);
    private readonly Dictionary<PollingSpec, (PollingSettings Settings, MetricNameRules Rules)> compiled = [];
    private readonly Dictionary<(string Container, PollKind Kind), DateTimeOffset> due = [];
    private readonly Dictionary<(string Container, PollKind Kind), string> failing = [];
    private PollingInstances instances = new(DesiredState.Empty);

    /// <summary>Polls every endpoint that is due now; the loop calls it every second while any instance polls.</summary>
    public async Task PollDueAsync(CancellationToken cancellationToken)
    {
        var snapshot = feed.Current;
        if (!ReferenceEquals(instances.State, snapshot.State))
        {
            instances = new PollingInstances(snapshot.State);
        }

        // Nothing polls and nothing polled is left to forget: the common case, and the only one that runs every second.
        if (!instances.Any && due.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var polls = new List<(PollTarget Target, (string, PollKind) Key, TimeSpan Interval)>();
        var alive = new HashSet<(string, PollKind)>();
        foreach (var container in snapshot.Containers.Values)
        {
            if (container.Phase != ContainerPhase.Running || container.Role != SkyLabels.MainRole
                || container.Service is not { } service || container.Instance is not { } instance
                || !instances.TryFind(service, instance, out var spec, out var mainPort)
                || !container.HostPorts.TryGetValue(mainPort, out var hostPort))
            {
                continue;
            }

            var (settings, rules) = Compile(spec);
            foreach (var target in settings.TargetsFor(hostPort, ContainerLabels.Of(container), rules))
            {
                var key = (container.Id, target.Kind);
                alive.Add(key);
                if (!due.TryGetValue(key, out var next) || next <= now)
                {
                    polls.Add((target, key, settings.Interval));
                }
            }
        }

        foreach (var gone in due.Keys.Where(k => !alive.Contains(k)).ToList())
        {
            due.Remove(gone);
            failing.Remove(gone);
        }

        foreach (var (_, key, interval) in polls)
        {
            due[key] = now + interval;
        }

        var results = await Task.WhenAll(polls.Select(p => poller.PollAsync(p.Target, cancellationToken)));
        for (var index = 0; index < results.Length; index++)
        {
            Report(polls[index].Target, polls[index].Key, results[index]);
            sink.Write(results[index].Points);
        }
    }

    public override void Dispose()
    {
        poller.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await PollDueAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning("metrics: polling failed: {Error}", exception.Message);
                }

                if (!instances.Any && due.Count == 0)
                {
                    await StateChangedAsync(instances.State, stoppingToken);
                }
                else
                {
                    await Task.Delay(Tick, clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Returns once the desired state is another than <paramref name="state"/>. With nothing to poll (most daemons)
    /// the loop sleeps until a configuration is applied instead of waking every second for nothing.
    /// </summary>
    private async Task StateChangedAsync(DesiredState state, CancellationToken cancellationToken)
    {
        // A snapshot comes first, and again after falling behind: it tells whether the state changed meanwhile.
        await foreach (var item in feed.WatchAsync(cancellationToken: cancellationToken))
        {
            if (item is FeedSnapshot snapshot ? !ReferenceEquals(snapshot.State, state) : item is DesiredStateChanged)
            {
                return;
            }
        }
    }

    private (PollingSettings Settings, MetricNameRules Rules) Compile(PollingSpec spec)
    {
        if (!compiled.TryGetValue(spec, out var found))
        {
            var settings = new PollingSettings
            {
                ExpvarPath = spec.Expvar,
                PrometheusPath = spec.Prometheus,
                Interval = spec.Interval,
                Prefix = spec.Prefix,
                Ignore = spec.Ignore,
                Rename = spec.Rename.Select(r => new MetricRename(r.From, r.To)).ToList(),
            };
            found = (settings, settings.CompileRules());
            compiled[spec] = found;
        }

        return found;
    }

    private void Report(PollTarget target, (string, PollKind) key, PollResult result)
    {
        if (result.Failure is { } failure)
        {
            if (failing.TryAdd(key, failure))
            {
                logger.LogWarning("metrics: polling {Url} of {Container} failed: {Failure}", target.Url, target.Labels.Container, failure);
            }
        }
        else if (failing.Remove(key))
        {
            logger.LogInformation("metrics: polling {Url} of {Container} works again", target.Url, target.Labels.Container);
        }
    }
}
