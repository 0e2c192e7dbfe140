using Sky.Contracts;
using Sky.OneOffs.Snitch;

namespace Sky.Api.Endpoints;

/// <summary>
/// <c>POST /api/v1/notify</c>: sends a one-off message through the daemon's SMTP settings and/or to a webhook, queued
/// with the same retries as alerts, and answers once each channel's first attempt is over (or after a bound), saying
/// which were delivered. A request that cannot be sent as asked is refused whole (400), nothing queued.
/// </summary>
public static class NotifyEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/notify", async (NotifyRequest request, NotificationSender sender, CancellationToken cancellationToken) =>
        {
            var (answer, problem) = await sender.SendAndWaitAsync(request, cancellationToken);
            return problem is not null || answer is null
                ? SkyResults.Json(new ApiError(problem ?? "nothing to send"), StatusCodes.Status400BadRequest)
                : SkyResults.Json(answer, StatusCodes.Status202Accepted);
        })
            .WithName("Notify")
            .Produces<NotifyAnswer>(StatusCodes.Status202Accepted)
            .ProducesErrors(StatusCodes.Status400BadRequest);
    }
}
