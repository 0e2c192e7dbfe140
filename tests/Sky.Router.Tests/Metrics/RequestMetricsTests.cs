using Microsoft.Extensions.Time.Testing;
using Sky.Router.Metrics;

namespace Sky.Router.Tests.Metrics;

public class RequestMetricsTests
{
    private static readonly RequestRoute Web1 = new("shop", "shop-web", "shop-web-1");
    private static readonly RequestRoute Web2 = new("shop", "shop-web", "shop-web-2");

    private readonly FakeTimeProvider clock = new();
    private readonly RequestMetrics metrics;
    private readonly DateTimeOffset start;

    public RequestMetricsTests()
    {
        metrics = new RequestMetrics(clock);
        start = clock.GetUtcNow();
    }

    [Fact]
    public void A_request_counts_in_the_second_it_finished_in_its_container_instance_and_service()
    {
        clock.Advance(TimeSpan.FromSeconds(2.5));
        Finish(Web1, 200, 5, bytesIn: 100, bytesOut: 2000);
        Finish(Web2, 503, 5);
        clock.Advance(TimeSpan.FromSeconds(1));

        var container = Assert.Single(metrics.Series(Web1.ContainerKey, start.AddSeconds(2), start.AddSeconds(3)));
        var instance = metrics.Series(Web1.InstanceKey, start, start.AddSeconds(4));
        var service = metrics.Series(Web1.ServiceKey, start, start.AddSeconds(4));

        Assert.Equal(start.AddSeconds(2), container.At);
        Assert.Equal((1, 1, 100, 2000), (container.Responses.Total, container.Responses.Successful, container.BytesIn, container.BytesOut));
        Assert.Equal([0, 0, 2], instance.Select(sample => sample.Responses.Total));
        Assert.Equal([0, 0, 2], service.Select(sample => sample.Responses.Total));
        Assert.Equal(1, service[2].Responses.ServerError);
    }

    [Fact]
    public void Each_route_has_a_container_an_instance_and_a_service_series()
    {
        Finish(Web1, 200, 1);
        Finish(Web2, 200, 1);

        Assert.Equal(
            ["shop", "shop-web", "shop-web-1", "shop-web-2"],
            metrics.Keys.Select(key => key.ToString()).Order(StringComparer.Ordinal));
        Assert.True(metrics.Forget(Web2.ContainerKey));
        Assert.Equal(3, metrics.Keys.Count());
    }

    [Fact]
    public void A_seconds_percentiles_follow_its_latencies()
    {
        for (var milliseconds = 1; milliseconds <= 100; milliseconds++)
        {
            Finish(Web1, 200, milliseconds);
        }
        clock.Advance(TimeSpan.FromSeconds(1));

        var latency = Assert.Single(metrics.Series(Web1.ContainerKey, start, clock.GetUtcNow())).Latency;

        AssertNear(50, latency.P50);
        AssertNear(90, latency.P90);
        AssertNear(99, latency.P99);
        AssertNear(100, latency.Max);
    }

    [Fact]
    public void A_minutes_p99_is_taken_over_every_request_of_the_minute()
    {
        for (var second = 0; second < 60; second++)
        {
            var slow = second is 10 or 30 or 50 ? 30 : 0;
            for (var request = 0; request < 100; request++)
            {
                Finish(Web1, 200, request < slow ? 500 : 1);
            }
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var summary = metrics.Summary(Web1.ServiceKey, TimeSpan.FromMinutes(1));

        Assert.Equal(6000, summary.Responses.Total);
        Assert.Equal(100, summary.RequestsPerSecond);
        AssertNear(1, summary.Latency.P90);
        AssertNear(500, summary.Latency.P99);
    }

    [Fact]
    public void A_summary_takes_in_the_seconds_of_the_block_still_open()
    {
        clock.Advance(TimeSpan.FromSeconds(3));
        Finish(Web1, 200, 7);
        clock.Advance(TimeSpan.FromSeconds(1));

        var summary = metrics.Summary(Web1.ContainerKey, TimeSpan.FromSeconds(5));

        Assert.Equal(1, summary.Responses.Total);
        AssertNear(7, summary.Latency.P50);
    }

    [Fact]
    public void A_summary_counts_errors_in_flight_ejections_and_mirror_copies()
    {
        metrics.Started(Web1);
        metrics.Started(Web1);
        metrics.Started(Web1);
        Finish(Web1, 200, 1);
        Finish(Web1, 502, 1);
        metrics.Ejected(Web1);
        metrics.MirrorCopied(Web1, 200);
        metrics.MirrorCopied(Web1, 0);
        metrics.MirrorDropped(Web1);
        clock.Advance(TimeSpan.FromSeconds(1));
        Finish(Web1, 0, 1);
        clock.Advance(TimeSpan.FromSeconds(1));

        var summary = metrics.Summary(Web1.InstanceKey, TimeSpan.FromSeconds(10));

        Assert.Equal((3, 1, 1), (summary.Responses.Total, summary.Responses.ServerError, summary.Responses.NoResponse));
        Assert.Equal(2.0 / 3, summary.ErrorRatio, precision: 6);
        Assert.Equal((0, 3), (summary.InFlight, summary.InFlightPeak));
        Assert.Equal((1, 2, 1, 1), (summary.Ejections, summary.MirrorCopies, summary.MirrorFailures, summary.MirrorDrops));
    }

    [Fact]
    public void Requests_still_in_flight_show_in_the_gauge()
    {
        metrics.Started(Web1);
        metrics.Started(Web2);
        Finish(Web2, 200, 1);

        Assert.Equal(1, metrics.Summary(Web1.ServiceKey, TimeSpan.FromMinutes(1)).InFlight);
        Assert.Equal(0, metrics.Summary(Web2.ContainerKey, TimeSpan.FromMinutes(1)).InFlight);
    }

    [Fact]
    public void Seconds_without_traffic_come_back_as_zero_samples()
    {
        clock.Advance(TimeSpan.FromSeconds(2));
        Finish(Web1, 200, 1);
        clock.Advance(TimeSpan.FromSeconds(3));

        var samples = metrics.Series(Web1.ContainerKey, start, start.AddSeconds(5));

        Assert.Equal(Enumerable.Range(0, 5).Select(second => start.AddSeconds(second)), samples.Select(sample => sample.At));
        Assert.Equal([0, 0, 1, 0, 0], samples.Select(sample => sample.Responses.Total));
    }

    [Fact]
    public void The_current_second_is_left_out_until_it_is_over()
    {
        Finish(Web1, 200, 1);

        Assert.Empty(metrics.Series(Web1.ContainerKey, start, start.AddSeconds(1)));
        Assert.Equal(0, metrics.Summary(Web1.ContainerKey, TimeSpan.FromSeconds(1)).Responses.Total);
    }

    [Fact]
    public void Seconds_fall_out_after_an_hour()
    {
        Finish(Web1, 200, 1);
        clock.Advance(TimeSpan.FromSeconds(3600));
        Assert.Equal(1, metrics.Summary(Web1.ContainerKey, TimeSpan.FromHours(1)).Responses.Total);
        Assert.Single(metrics.Series(Web1.ContainerKey, start, start.AddSeconds(1)));

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, metrics.Summary(Web1.ContainerKey, TimeSpan.FromHours(1)).Responses.Total);
        Assert.Empty(metrics.Series(Web1.ContainerKey, start, start.AddSeconds(1)));
    }

    [Fact]
    public void A_slot_used_again_an_hour_later_starts_from_zero()
    {
        Finish(Web1, 200, 1);
        clock.Advance(TimeSpan.FromSeconds(3600));
        Finish(Web1, 200, 1);
        clock.Advance(TimeSpan.FromSeconds(1));

        var summary = metrics.Summary(Web1.ContainerKey, TimeSpan.FromHours(1));

        Assert.Equal(1, summary.Responses.Total);
    }

    [Fact]
    public void Series_idle_for_an_hour_and_with_nothing_in_flight_are_forgotten()
    {
        metrics.Started(Web1);
        Finish(Web1, 200, 1);
        metrics.Started(Web2);
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Empty(metrics.ForgetIdle());

        clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal([Web1.ContainerKey], metrics.ForgetIdle());
        Assert.DoesNotContain(Web1.ContainerKey, metrics.Keys);
    }

    [Fact]
    public void Requests_recorded_from_many_threads_are_all_counted()
    {
        const int Requests = 20_000;
        Parallel.For(0, Requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, request =>
        {
            var route = request % 2 == 0 ? Web1 : Web2;
            metrics.Started(route);
            Finish(route, 200 + (request % 4 * 100), request % 50);
            if (request % 1000 == 0)
            {
                clock.Advance(TimeSpan.FromMilliseconds(300));
            }
        });
        clock.Advance(TimeSpan.FromSeconds(1));

        var service = metrics.Summary(Web1.ServiceKey, TimeSpan.FromHours(1));
        var containers = metrics.Summary(Web1.ContainerKey, TimeSpan.FromHours(1)).Responses.Total
            + metrics.Summary(Web2.ContainerKey, TimeSpan.FromHours(1)).Responses.Total;

        Assert.Equal(Requests, service.Responses.Total);
        Assert.Equal(Requests / 4, service.Responses.ServerError);
        Assert.Equal(Requests, containers);
        Assert.Equal(0, service.InFlight);
        AssertNear(49, service.Latency.Max);
    }

    private void Finish(RequestRoute route, int status, int milliseconds, long bytesIn = 0, long bytesOut = 0) =>
        metrics.Finished(route, status, TimeSpan.FromMilliseconds(milliseconds), bytesIn, bytesOut);

    /// <summary>HdrHistogram at 2 significant digits: within 1 %.</summary>
    private static void AssertNear(double expectedMilliseconds, TimeSpan actual) =>
        Assert.InRange(actual.TotalMilliseconds, expectedMilliseconds * 0.99, expectedMilliseconds * 1.01);
}
