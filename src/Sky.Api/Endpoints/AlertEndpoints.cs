using Sky.Api.Views;
using Sky.Contracts;
using Sky.Store;

namespace Sky.Api.Endpoints;

/// <summary><c>GET /api/v1/alerts</c>: open incidents first, then recent closed ones; <c>?state=open</c> for open only.</summary>
public static class AlertEndpoints
{
    private const int DefaultLimit = 50;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/alerts", (AlertRepository alerts, string? state, int? limit) =>
        {
            if (state is not (null or "open" or "all"))
            {
                return Results.Json(new ApiError($"state '{state}' is not open or all"), SkyJson.Options, statusCode: StatusCodes.Status400BadRequest);
            }

            if (limit is < 1 or > 10_000)
            {
                return Results.Json(new ApiError($"limit {limit} is not between 1 and 10000"), SkyJson.Options, statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Json(alerts.Recent(state == "open", limit ?? DefaultLimit).Select(AlertViews.From).ToList(), SkyJson.Options);
        })
            .WithName("ListAlerts")
            .Produces<List<AlertView>>()
            .ProducesErrors(StatusCodes.Status400BadRequest);

        api.MapGet("/alerts/{id:long}/deliveries", (AlertRepository alerts, long id) =>
            alerts.Find(id) is null
                ? Results.Json(new ApiError($"no alert #{id}"), SkyJson.Options, statusCode: StatusCodes.Status404NotFound)
                : Results.Json(alerts.Deliveries(id).Select(AlertViews.From).ToList(), SkyJson.Options))
            .WithName("ListAlertDeliveries")
            .Produces<List<AlertDeliveryView>>()
            .ProducesErrors(StatusCodes.Status404NotFound);
    }
}
