using Sky.Api.Views;
using Sky.Contracts;
using Sky.Feed;
using Sky.Metrics;
using Sky.Metrics.Export;
using Sky.Metrics.History;
using Sky.Model.Metrics;
using Sky.Supervisor;

namespace Sky.Api.Endpoints;

/// <summary>
/// Metrics: a service's (or StatsD's) history for <c>sky metrics</c> and charts, the newest figures of every running
/// container for <c>sky top</c>, and every current value in Prometheus' text format at <c>/metrics</c> (outside
/// <c>/api/v1</c>, where scrapers look).
/// </summary>
public static class MetricEndpoints
{
    private static readonly TimeSpan DefaultRange = TimeSpan.FromHours(1);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/metrics", async (string? service, string? instance, string? container, bool? global, HttpContext context, DesiredStateSource desired, MetricHistory history, TimeProvider clock) =>
        {
            var now = clock.GetUtcNow();
            string? error = null;
            var from = QueryTime.Parse(context.Request.Query, "since", now, ref error) ?? now - DefaultRange;
            var to = QueryTime.Parse(context.Request.Query, "until", now, ref error) ?? now;
            if (error is not null)
            {
                return ErrorResults.Answer(StatusCodes.Status400BadRequest, error);
            }

            if (service is null && global != true)
            {
                return ErrorResults.Answer(StatusCodes.Status400BadRequest, "name a service (service=NAME) or ask for StatsD's names (global=true)");
            }

            var names = context.Request.Query["name"].Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToHashSet(StringComparer.Ordinal);
            var query = new HistoryQuery { Service = service, Instance = instance, Container = container, Names = names, Global = global == true, From = from, To = to };
            var series = (await history.ReadAsync(query, now, context.RequestAborted)).ToList();
            // A rule or a chart of a service may name a StatsD metric: those belong to no service, so look there too.
            var statsd = names.Where(MetricNames.IsStatsd).ToHashSet(StringComparer.Ordinal);
            if (!query.Global && statsd.Count > 0)
            {
                series.AddRange(await history.ReadAsync(query with { Global = true, Names = statsd }, now, context.RequestAborted));
            }

            if (service is not null && series.Count == 0 && desired.Current().State.FindService(service) is null && desired.Current().State.FindJob(service) is null)
            {
                return ErrorResults.Answer(StatusCodes.Status404NotFound, $"no service named '{service}' (in the configuration or in the metrics kept)");
            }

            return Results.Ok(new MetricsView { From = from, To = to, Series = series.Select(View).ToList() });
        })
            .WithName("GetMetrics")
            .WithDescription("A service's kept metrics (or StatsD's with global=true): instance, container and name (repeated) narrow them; since/until (1h or a time; default the last hour). Up to a day back the values are 10 s apart, further back 5-minute averages.")
            .Produces<MetricsView>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapGet("/top", (StateFeed feed, LatestValues latest, MetricsSettings settings, TimeProvider clock) =>
            new TopView { Time = clock.GetUtcNow(), SampleIntervalSeconds = settings.SampleInterval.TotalSeconds, Rows = TopRows.Of(feed.Current, latest) })
            .WithName("GetTop")
            .WithDescription("Every running container sky manages with its newest CPU, memory, network and request figures.")
            .Produces<TopView>();
    }

    /// <summary><c>GET /metrics</c>: Prometheus' text format, for a scraper.</summary>
    public static void MapExposition(IEndpointRouteBuilder app) =>
        app.MapGet("/metrics", async (HttpContext context, PrometheusExposition exposition) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await exposition.WriteAsync(context.Response.Body, context.RequestAborted);
        })
            .WithName("GetPrometheusMetrics")
            // Prometheus' own format at the path scrapers look for, not part of sky's API and its document.
            .ExcludeFromDescription();

    private static MetricSeriesView View(SeriesHistory series) => new()
    {
        Name = series.Series.Name,
        Service = series.Series.Labels.Service,
        Instance = series.Series.Labels.Instance,
        Container = series.Series.Labels.Container,
        StepSeconds = series.Step.TotalSeconds,
        Times = series.Points.Select(p => p.Time.ToUnixTimeSeconds()).ToList(),
        Values = series.Points.Select(p => p.Value).ToList(),
    };
}
