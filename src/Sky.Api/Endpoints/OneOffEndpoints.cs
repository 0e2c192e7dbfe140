using Sky.Api.OneOffs;
using Sky.Api.Streaming;
using Sky.Contracts;
using Sky.OneOffs;
using Sky.Runtime;

namespace Sky.Api.Endpoints;

/// <summary>
/// One-off containers: <c>POST /oneoffs</c> creates (and by default starts) an interactive shell container,
/// <c>GET /oneoffs</c> lists them, <c>GET /oneoffs/ID/attach</c> is the terminal WebSocket, and <c>POST /runs</c>
/// runs a command to completion, streaming its output. Needs <c>app.UseWebSockets()</c> in the pipeline.
/// </summary>
public static class OneOffEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/oneoffs", async (OneOffContainers oneOffs, CancellationToken cancellationToken) =>
            SkyResults.Json((await oneOffs.ListAsync(cancellationToken)).Select(OneOffContainers.View).ToList()))
            .WithName("ListOneOffs")
            .Produces<List<OneOffView>>();

        api.MapPost("/oneoffs", async (OneOffCreateRequest request, OneOffContainers oneOffs, IContainerRuntime runtime, CancellationToken cancellationToken) =>
        {
            var (id, _) = await oneOffs.CreateAsync(request.Image, request.Command, interactive: true, request.CreatedBy, cancellationToken);
            if (request.Start)
            {
                await runtime.StartContainerAsync(id, cancellationToken);
            }

            var created = await oneOffs.FindAsync(id, cancellationToken);
            return SkyResults.Json(OneOffContainers.View(created), StatusCodes.Status201Created);
        })
            .WithName("CreateOneOff")
            .Produces<OneOffView>(StatusCodes.Status201Created)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapGet("/oneoffs/{id}", async (string id, OneOffContainers oneOffs, CancellationToken cancellationToken) =>
            SkyResults.Json(OneOffContainers.View(await oneOffs.FindAsync(id, cancellationToken))))
            .WithName("GetOneOff")
            .Produces<OneOffView>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapGet("/oneoffs/{id}/attach", async (string id, HttpContext context, OneOffContainers oneOffs, TerminalBridge bridge) =>
        {
            // Resolved before the upgrade, so that an unknown or finished container is a plain error answer.
            var container = await oneOffs.FindAsync(id, context.RequestAborted);
            if (container.State is not (Model.ContainerState.Running or Model.ContainerState.Created))
            {
                return ErrorResults.Answer(StatusCodes.Status409Conflict, $"{container.Name} is {container.State.ToString().ToLowerInvariant()}: only a running one-off can be attached");
            }

            if (!context.WebSockets.IsWebSocketRequest)
            {
                return ErrorResults.Answer(StatusCodes.Status400BadRequest, "attach needs a WebSocket upgrade");
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await bridge.RunAsync(socket, container, context.RequestAborted);
            return Results.Empty;
        })
            .EndsWhenTheDaemonStops()
            .WithName("AttachOneOff")
            .WithDescription("A WebSocket: terminal bytes in binary frames both ways, TerminalMessage control messages in text frames.")
            .Produces(StatusCodes.Status101SwitchingProtocols)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapPost("/runs", (RunRequest request, HttpContext context, OneOffRunner runner) => runner.RunAsync(context, request))
            .WithName("Run")
            .WithDescription("Runs a command to completion in a new container: its stdout and stderr lines, then its exit code, as RunMessage lines.")
            .ProducesLines<RunMessage>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }
}
