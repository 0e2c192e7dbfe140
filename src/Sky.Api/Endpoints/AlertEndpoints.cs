using Sky.Alerts;
using Sky.Api.Views;
using Sky.Contracts;
using Sky.Store;

namespace Sky.Api.Endpoints;

/// <summary>
/// <c>/api/v1/alerts</c>: open incidents first, then recent closed ones (<c>?state=open</c> for open only), each with
/// whether anyone was told; one alert and its every delivery attempt; acknowledging and closing an alert by hand.
/// </summary>
public static class AlertEndpoints
{
    private const int DefaultLimit = 50;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/alerts", (AlertRepository alerts, string? state, int? limit) =>
        {
            if (state is not (null or "open" or "all"))
            {
                return SkyResults.Json(new ApiError($"state '{state}' is not open or all"), StatusCodes.Status400BadRequest);
            }

            if (limit is < 1 or > 10_000)
            {
                return SkyResults.Json(new ApiError($"limit {limit} is not between 1 and 10000"), StatusCodes.Status400BadRequest);
            }

            var recent = alerts.Recent(state == "open", limit ?? DefaultLimit);
            var latest = alerts.LatestDeliveries(recent.Select(a => a.Id).ToList());
            return SkyResults.Json(recent.Select(a => AlertViews.From(a, latest)).ToList());
        })
            .WithName("ListAlerts")
            .Produces<List<AlertView>>()
            .ProducesErrors(StatusCodes.Status400BadRequest);

        api.MapGet("/alerts/{id:long}", (AlertRepository alerts, long id) =>
            alerts.Find(id) is { } alert
                ? SkyResults.Json(AlertViews.From(alert, alerts.LatestDeliveries([id])))
                : NoAlert(id))
            .WithName("GetAlert")
            .Produces<AlertView>()
            .ProducesErrors(StatusCodes.Status404NotFound);

        api.MapGet("/alerts/{id:long}/deliveries", (AlertRepository alerts, long id) =>
            alerts.Find(id) is null
                ? NoAlert(id)
                : SkyResults.Json(alerts.Deliveries(id).Select(AlertViews.From).ToList()))
            .WithName("ListAlertDeliveries")
            .Produces<List<AlertDeliveryView>>()
            .ProducesErrors(StatusCodes.Status404NotFound);

        api.MapPost("/alerts/{id:long}/ack", (AlertRepository alerts, AlertManager manager, long id) =>
            Change(alerts, id, manager.Acknowledge))
            .WithName("AcknowledgeAlert")
            .WithDescription("No more reminders or escalation; the alert stays open until its service recovers.")
            .Produces<AlertView>()
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapPost("/alerts/{id:long}/close", (AlertRepository alerts, AlertManager manager, long id) =>
            Change(alerts, id, manager.Close))
            .WithName("CloseAlert")
            .WithDescription("Closes the alert without a notice; a new failure opens a new one.")
            .Produces<AlertView>()
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    /// <summary>Acknowledges or closes an open alert; a closed one cannot change any more (409).</summary>
    private static IResult Change(AlertRepository alerts, long id, Func<long, AlertRecord?> change)
    {
        if (alerts.Find(id) is null)
        {
            return NoAlert(id);
        }

        return change(id) is { } changed
            ? SkyResults.Json(AlertViews.From(changed, alerts.LatestDeliveries([id])))
            : SkyResults.Json(new ApiError($"alert #{id} is closed already"), StatusCodes.Status409Conflict);
    }

    private static IResult NoAlert(long id) =>
        SkyResults.Json(new ApiError($"no alert #{id} (see sky alerts --all)"), StatusCodes.Status404NotFound);
}
