using Sky.Api.Routing;
using Sky.Api.Views;
using Sky.Contracts;
using Sky.Feed;
using Sky.Store;
using Sky.Supervisor;

namespace Sky.Api.Endpoints;

/// <summary>Starting, stopping, restarting and looking at services: <c>/services/NAME[/INSTANCE]/...</c>.</summary>
public static class ServiceEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/services", (StateFeed feed, ServiceIntentRepository intents) =>
        {
            var wanted = intents.All().Where(i => i.Running).Select(i => (i.Service, i.Instance)).ToHashSet();
            return SkyResults.Json(ServiceListViews.From(feed.Current, wanted));
        })
            .WithName("ListServices")
            .Produces<ServiceListView>();

        api.MapGet("/services/{name}", async (string name, string? instance, StatusReader status, RoutedStatus routed, CancellationToken cancellationToken) =>
            SkyResults.Json(routed.Add(StatusViews.From(await status.ServiceAsync(Selector(name, instance), cancellationToken)))))
            .WithName("GetServiceStatus")
            .Produces<ServiceStatusView>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapGet("/services/{name}/stats", (string name, string? instance, string? window, bool? series, ServiceStatsReader stats) =>
            SkyResults.Json(stats.Read(Selector(name, instance), StatsWindow.Parse(window), series == true)))
            .WithName("GetServiceStats")
            .WithDescription("What the router saw of the service's requests over the last window (10s, 1m, 1h; default 1m, at most 1h): the service, each instance, each container with its router state; series=true adds the service's 1 s samples.")
            .Produces<ServiceStatsView>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        MapOperation(api, "start", (operations, selector, reporter) => operations.StartAsync(selector, reporter, CancellationToken.None));
        MapOperation(api, "stop", (operations, selector, reporter) => operations.StopAsync(selector, reporter, CancellationToken.None));
        MapOperation(api, "restart", (operations, selector, reporter) => operations.RestartAsync(selector, reporter, CancellationToken.None));
    }

    private static void MapOperation(IEndpointRouteBuilder api, string verb, Func<ServiceOperations, ServiceSelector, IOperationReporter, Task<bool>> run) =>
        api.MapPost($"/services/{{name}}/{verb}", async (string name, string? instance, HttpContext context, ServiceOperations operations) =>
        {
            var selector = Selector(name, instance);
            return await new NdjsonOperationStream().RunAsync(context, async reporter => (await run(operations, selector, reporter), null));
        })
            .WithName($"{char.ToUpperInvariant(verb[0])}{verb[1..]}Service")
            .WithDescription("A plan, progress as steps move, then a result (or an error) as NDJSON lines.")
            .ProducesLines<StreamMessage>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status503ServiceUnavailable);

    private static ServiceSelector Selector(string name, string? instance) =>
        ServiceSelector.Parse(string.IsNullOrEmpty(instance) ? name : $"{name}/{instance}");
}
