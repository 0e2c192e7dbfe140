using Sky.Api.Views;
using Sky.Contracts;
using Sky.Supervisor;

namespace Sky.Api.Endpoints;

/// <summary><c>GET /services/NAME/configuration</c>: a service as the applied revision resolved it.</summary>
public static class ServiceConfigurationEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/services/{name}/configuration", (string name, DesiredStateSource desired) =>
        {
            var current = desired.Current();
            return current.State.FindService(name) is { } service
                ? SkyResults.Json(AppliedSpecViews.Of(service, current.Number))
                : ErrorResults.Answer(StatusCodes.Status404NotFound, $"no service named '{name}' in the applied configuration (revision {current.Number})");
        })
            .WithName("GetServiceConfiguration")
            .WithDescription("The service as the applied revision resolved it: every instance and container with what it inherited, its defaults and the environment sky adds, keyed as revision diffs name keys; and the source file and line that define it.")
            .Produces<ServiceConfigurationView>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
}
