using Sky.Api.Overview;
using Sky.Contracts;

namespace Sky.Api.Endpoints;

/// <summary><c>GET /overview</c>: every service, instance and container at a glance, for the dashboard's first page.</summary>
public static class OverviewEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/overview", async (OverviewReader overview, CancellationToken cancellationToken) =>
            Results.Bytes(await overview.ReadJsonAsync(cancellationToken), "application/json; charset=utf-8"))
            .WithName("GetOverview")
            .WithDescription("Every service with its instances and containers (phase, health, restarts, revision, router state, newest CPU, memory and request figures, the last 10 minutes of CPU and memory), the jobs and the open alerts, read from the daemon's memory with no engine call; reads within a second at the same feed position share one answer. sequence is the state feed's position it reflects: apply /events/stream changes after it.")
            .Produces<OverviewView>();
}
