using Sky.Api.Snitch;
using Sky.Contracts;

namespace Sky.Api.Endpoints;

/// <summary>
/// <c>POST /api/v1/notify</c>: sends a one-off message through the daemon's SMTP settings and/or to a webhook, queued
/// with the same retries as alerts. A request that cannot be sent as asked is refused whole (400), nothing queued.
/// </summary>
public static class NotifyEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/notify", (NotifyRequest request, NotificationSender sender) =>
        {
            var (queued, problem) = sender.Send(request);
            return problem is not null
                ? Results.Json(new ApiError(problem), SkyJson.Options, statusCode: StatusCodes.Status400BadRequest)
                : Results.Json(new NotifyAnswer(queued), SkyJson.Options, statusCode: StatusCodes.Status202Accepted);
        })
            .WithName("Notify")
            .Produces<NotifyAnswer>(StatusCodes.Status202Accepted)
            .ProducesErrors(StatusCodes.Status400BadRequest);
    }
}
