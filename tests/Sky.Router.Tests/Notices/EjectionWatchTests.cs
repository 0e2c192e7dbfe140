using Microsoft.Extensions.Time.Testing;
using Sky.Model.Routing;
using Sky.Router.Metrics;
using Sky.Router.Notices;
using Sky.Router.Table;

namespace Sky.Router.Tests.Notices;

public class EjectionWatchTests
{
    [Fact]
    public void Every_container_of_an_instance_ejected_tells_the_maintainer_once_and_its_return_closes_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-29T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var state = new RouterState(time);
        var notices = new RecordedNotices();
        new EjectionWatch(state, new RequestMetrics(time), notices).Start();
        state.Swap(new RouteTable([Site(Ready("web-1"), Ready("web-2"))]));
        var first = state.Member("web-1")!;
        var second = state.Member("web-2")!;

        Fail(first);
        var afterOne = notices.Lines.ToList();
        Fail(second);
        Fail(second);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(first.TryAdmit());

        Assert.Equal(["ejected web-1"], afterOne);
        Assert.Equal(["ejected web-1", "ejected web-2", "instance ejected web/default", "instance back web/default"], notices.Lines);
    }

    /// <summary>Five failed requests: at least the minimum, all failed, so the breaker trips.</summary>
    private static void Fail(Pool.PoolMember member)
    {
        for (var i = 0; i < 5; i++)
        {
            if (member.TryAdmit())
            {
                member.Breaker.Record(failed: true);
            }
        }
    }

    private static Backend Ready(string container) => new()
    {
        Container = container,
        ContainerId = "id-" + container,
        Service = "web",
        Instance = "default",
        HostPort = 30000,
        State = BackendState.Ready,
    };

    private static Site Site(params Backend[] backends) => new()
    {
        Id = "web.localhost/",
        Host = HostPattern.TryParse("web.localhost", out _)!,
        PathPrefix = "/",
        Backends = backends,
    };

    private sealed class RecordedNotices : IRouterNotices
    {
        public List<string> Lines { get; } = [];

        public void ContainerEjected(string service, string instance, string container, string message) => Lines.Add($"ejected {container}");

        public void ContainerReadmitted(string service, string instance, string container, string message) => Lines.Add($"readmitted {container}");

        public void InstanceEjected(string service, string instance, string container, string message) => Lines.Add($"instance ejected {service}/{instance}");

        public void InstanceRecovered(string service, string instance, string container, string message) => Lines.Add($"instance back {service}/{instance}");
    }
}
