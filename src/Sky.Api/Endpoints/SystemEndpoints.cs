using Sky.Api.Views;
using Sky.Contracts;
using Sky.Model;
using Sky.Runtime;
using Sky.Supervisor;

namespace Sky.Api.Endpoints;

/// <summary>The daemon itself: version, engine, and every container it manages.</summary>
public static class SystemEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/version", async (IContainerRuntime runtime, Naming naming, CancellationToken cancellationToken) =>
        {
            var daemon = naming.Identity is { } identity ? new DaemonIdentityView(identity.Id, identity.DataFolder) : null;
            try
            {
                var engine = await runtime.PingAsync(cancellationToken);
                return SkyResults.Json(new VersionAnswer(SkyVersion.Current, naming.Namespace, engine.EngineVersion, engine.ApiVersion, engine.Endpoint, null, daemon));
            }
            catch (EngineUnavailableException unavailable)
            {
                return SkyResults.Json(new VersionAnswer(SkyVersion.Current, naming.Namespace, null, null, null, unavailable.Message, daemon));
            }
        })
            .WithName("GetVersion")
            .WithDescription("The daemon's version, namespace and identity (that of its data folder, carried by every container it makes), and the engine's.")
            .Produces<VersionAnswer>();

        api.MapGet("/containers", async (StatusReader status, CancellationToken cancellationToken) =>
            SkyResults.Json((await status.AllAsync(cancellationToken)).Select(StatusViews.From).ToList()))
            .WithName("ListContainers")
            .WithDescription("Every container this daemon manages, and the foreign ones (made by another daemon sharing its namespace, never touched by this one) with foreign set.")
            .Produces<List<ContainerStatusView>>()
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable);
    }
}
