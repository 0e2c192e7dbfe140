using System.Collections.Frozen;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Sky.Router.Breaking;
using Sky.Router.Down;
using Sky.Router.Metrics;
using Sky.Router.Mirroring;
using Sky.Router.Pool;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace Sky.Router.Proxy;

/// <summary>
/// The router's step in YARP's proxy pipeline, just before YARP's forwarder. It picks the container with the site's
/// balancing policy (YARP's), skipping those draining and asking each pick's breaker whether it may take this request;
/// answers with the down page when none can; forwards; measures the attempt and tells the breaker how it went;
/// retries once on another container when <see cref="RetryRule"/> allows; and queues a copy for the mirror.
/// </summary>
public sealed class ForwardingStep(RouterState state, IEnumerable<ILoadBalancingPolicy> policies, DownPage downPage, RequestMetrics metrics, MirrorSender mirrors)
{
    public const string RequestIdHeader = "X-Request-Id";

    private readonly FrozenDictionary<string, ILoadBalancingPolicy> balancers = policies.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        EnsureRequestId(context);
        var proxy = context.GetReverseProxyFeature();
        var (destination, member) = Choose(context, proxy, exclude: null);
        if (destination is null || member is null)
        {
            await downPage.WriteAsync(context, state.Table.ById.GetValueOrDefault(proxy.Route.Config.RouteId));
            return;
        }

        var capture = MirrorCapture(context, member);
        var error = await AttemptAsync(context, proxy, destination, member, next);
        if (error is not null && RetryRule.AllowsRetry(context, error))
        {
            var (other, otherMember) = Choose(context, proxy, exclude: destination);
            if (other is not null && otherMember is not null)
            {
                context.Response.Clear();
                context.Features.Set<IForwarderErrorFeature>(null);
                EnsureRequestId(context);
                member = otherMember;
                error = await AttemptAsync(context, proxy, other, otherMember, next);
            }
        }

        if (capture is not null && error is null && capture.Captured is { } body && member.Backend.Mirror is { } mirror)
        {
            mirrors.Offer(new MirrorCopy(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Host.Value ?? string.Empty,
                context.Request.Headers.Where(h => !IsHopByHop(h.Key)).Select(h => KeyValuePair.Create(h.Key, h.Value.ToArray()!)).ToList()!,
                body.ToArray(),
                member.Backend.Service,
                mirror.Instance,
                member.Route));
        }
    }

    private async Task<IForwarderErrorFeature?> AttemptAsync(HttpContext context, IReverseProxyFeature proxy, DestinationState destination, PoolMember member, Func<Task> next)
    {
        proxy.AvailableDestinations = destination;
        var route = member.Route;
        var started = Stopwatch.GetTimestamp();
        member.RequestStarted();
        metrics.Started(route);
        try
        {
            await next();
        }
        finally
        {
            member.RequestEnded();
        }

        var error = context.GetForwarderErrorFeature();
        var containerFault = error is not null && RetryRule.IsContainerFault(error.Error);
        var status = containerFault && !context.Response.HasStarted ? 0 : context.Response.StatusCode;
        member.Breaker.Record(containerFault || status >= StatusCodes.Status500InternalServerError);
        metrics.Finished(route, status, Stopwatch.GetElapsedTime(started), context.Request.ContentLength ?? 0, context.Response.ContentLength ?? 0);
        return error;
    }

    /// <summary>
    /// The container for this request: YARP's balancing policy of the site picks among those not draining (nor
    /// <paramref name="exclude"/>), and the pick's breaker admits it or the pick is dropped and another made. While
    /// every breaker is closed and nothing drains, the cluster's own destination list is used as it is.
    /// </summary>
    private (DestinationState? Destination, PoolMember? Member) Choose(HttpContext context, IReverseProxyFeature proxy, DestinationState? exclude)
    {
        var all = proxy.AllDestinations;
        var candidates = exclude is null && AllClosed(all) ? all : Filter(all, exclude);
        var balancer = balancers.GetValueOrDefault(proxy.Cluster.Config.LoadBalancingPolicy ?? LoadBalancingPolicies.RoundRobin)
            ?? balancers[LoadBalancingPolicies.RoundRobin];
        while (candidates.Count > 0)
        {
            var picked = candidates.Count == 1 ? candidates[0] : balancer.PickDestination(context, proxy.Route.Cluster!, candidates);
            if (picked is null)
            {
                break;
            }

            if (state.Member(picked.DestinationId) is { } member && member.TryAdmit())
            {
                return (picked, member);
            }

            candidates = candidates.Where(c => c != picked).ToList();
        }

        return (null, null);
    }

    private bool AllClosed(IReadOnlyList<DestinationState> destinations)
    {
        foreach (var destination in destinations)
        {
            if (state.Member(destination.DestinationId) is not { Draining: false } member || member.Breaker.State != BreakerState.Closed)
            {
                return false;
            }
        }

        return true;
    }

    private List<DestinationState> Filter(IReadOnlyList<DestinationState> destinations, DestinationState? exclude) =>
        destinations.Where(d => d != exclude && state.Member(d.DestinationId) is { Draining: false }).ToList();

    /// <summary>Wraps the body so its copy is kept, when the chosen container's instance mirrors and this request is in its share.</summary>
    private static BodyCaptureStream? MirrorCapture(HttpContext context, PoolMember member)
    {
        if (member.Backend.Mirror is not { } mirror || (mirror.Percent < 100 && Random.Shared.Next(100) >= mirror.Percent))
        {
            return null;
        }

        if (context.Request.ContentLength > MirrorSender.BodyCap)
        {
            return null;
        }

        var capture = new BodyCaptureStream(context.Request.Body, MirrorSender.BodyCap);
        context.Request.Body = capture;
        return capture;
    }

    private static void EnsureRequestId(HttpContext context)
    {
        var id = context.Request.Headers[RequestIdHeader];
        if (string.IsNullOrEmpty(id))
        {
            id = RequestIds.Next();
            context.Request.Headers[RequestIdHeader] = id;
        }

        context.Response.Headers[RequestIdHeader] = id;
    }

    private static bool IsHopByHop(string header) =>
        header.Equals("Connection", StringComparison.OrdinalIgnoreCase) || header.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || header.Equals("Upgrade", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Host", StringComparison.OrdinalIgnoreCase) || header.Equals("Content-Length", StringComparison.OrdinalIgnoreCase);
}
