using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sky.Router.Readiness;

/// <summary>
/// Asks each running container that carries a host whether it answers HTTP on its published port before it gets
/// traffic. Any answer will do (a 404 is an answer): the point is that the process listens, which a port accepting
/// connections does not prove, since Docker's proxy accepts them for a container that does not listen yet. A probe
/// is about one container id and host port, so a restarted container (new port) is probed again, and a renamed one (a
/// start-first rollout renames the container it retires) is not: it answered already.
/// </summary>
public sealed class ReadinessProbes(HttpMessageInvoker client, TimeProvider time, ILogger<ReadinessProbes> logger) : IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(2);

    // By container id.
    private readonly ConcurrentDictionary<string, Probe> probes = new(StringComparer.Ordinal);

    /// <summary>Raised when a container answers for the first time, so the router rebuilds its pools.</summary>
    public event Action? Answered;

    /// <summary>Whether the container of that name, id and host port has answered.</summary>
    public bool HasAnswered(string container, string id, int hostPort) =>
        probes.TryGetValue(id, out var probe) && probe.HostPort == hostPort && probe.Done;

    /// <summary>Probes each of <paramref name="running"/> not probed yet (name, id, host port); forgets every other.</summary>
    public void Track(IReadOnlyCollection<(string Container, string Id, int HostPort)> running)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (container, id, hostPort) in running)
        {
            keep.Add(id);
            if (probes.TryGetValue(id, out var known) && known.HostPort == hostPort)
            {
                continue;
            }

            var probe = new Probe(hostPort);
            if (probes.TryGetValue(id, out var replaced))
            {
                replaced.Stop.Cancel();
            }

            probes[id] = probe;
            _ = RunAsync(container, probe);
        }

        foreach (var (id, probe) in probes)
        {
            if (!keep.Contains(id) && probes.TryRemove(id, out _))
            {
                probe.Stop.Cancel();
            }
        }
    }

    public void Dispose()
    {
        foreach (var probe in probes.Values)
        {
            probe.Stop.Cancel();
        }

        probes.Clear();
    }

    private async Task RunAsync(string container, Probe probe)
    {
        var wait = FirstRetry;
        var token = probe.Stop.Token;
        while (!token.IsCancellationRequested)
        {
            if (await AnswersAsync(probe.HostPort, token))
            {
                probe.Done = true;
                logger.LogDebug("{Container} answers on 127.0.0.1:{Port}", container, probe.HostPort);
                Answered?.Invoke();
                return;
            }

            try
            {
                await Task.Delay(wait, time, token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LastRetry.Ticks));
        }
    }

    private async Task<bool> AnswersAsync(int hostPort, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AnswerTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{hostPort}/");
        try
        {
            using var response = await client.SendAsync(request, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
        {
            return false;
        }
    }

    private sealed class Probe(int hostPort)
    {
        public int HostPort { get; } = hostPort;

        public CancellationTokenSource Stop { get; } = new();

        public volatile bool Done;
    }
}
