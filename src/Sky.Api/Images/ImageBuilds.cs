using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Features;
using Sky.Contracts;
using Sky.Runtime;
using Sky.Store;

namespace Sky.Api.Images;

/// <summary>
/// <c>POST /images/build</c>: builds an image through the engine from the build context in the request body (a tar
/// archive, as <c>docker build</c> sends one, so a daemon on another machine builds the same as one beside the CLI),
/// streams the engine's output as NDJSON <see cref="BuildMessage"/>s, and pushes the image to the daemon's registry
/// when asked. A failure before any output is a plain error answer; after it, an <c>error</c> line with the engine's
/// words (the status went out as 200 with the first line).
/// </summary>
public sealed class ImageBuilds(IContainerRuntime runtime, EventLog events, ILogger<ImageBuilds> logger)
{
    public async Task<IResult> BuildAsync(HttpContext context, BuildTarget target)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // A build context is as large as the folder it packs: far beyond the limit that suits JSON bodies.
            limit.MaxRequestBodySize = null;
        }

        // The client going away (Ctrl-C) closes the engine's connection too, which stops the build.
        var cancellationToken = context.RequestAborted;
        var messages = Channel.CreateUnbounded<BuildMessage>(new UnboundedChannelOptions { SingleReader = true });
        var work = Task.Run(
            async () =>
            {
                try
                {
                    messages.Writer.TryWrite(await RunAsync(context.Request.Body, target, new BuildOutput(messages.Writer), cancellationToken));
                }
                finally
                {
                    messages.Writer.TryComplete();
                }
            },
            CancellationToken.None);

        // Wait for the first line or the end: a build the engine refuses outright answers with a status code instead.
        var hasMessage = await messages.Reader.WaitToReadAsync(cancellationToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default);
        if (!hasMessage || work.IsFaulted)
        {
            try
            {
                await work;
            }
            catch (EngineException engine)
            {
                return ErrorResults.Answer(StatusCodes.Status502BadGateway, engine.Message);
            }
            catch (Exception exception)
            {
                return ErrorResults.From(exception);
            }
        }

        context.Response.ContentType = "application/x-ndjson";
        await context.Response.StartAsync(cancellationToken);
        await foreach (var message in messages.Reader.ReadAllAsync(CancellationToken.None))
        {
            await WriteAsync(context, message);
        }

        try
        {
            await work;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            RequestErrors.Note(context, exception);
            var error = exception is EngineException ? exception.Message : ErrorResults.Describe(exception).Error.Error;
            await WriteAsync(context, new BuildMessage { Type = BuildMessage.Failure, Error = error });
        }
        catch (OperationCanceledException)
        {
            // The client went away: nobody is left to tell.
        }

        return Results.Empty;
    }

    private async Task<BuildMessage> RunAsync(Stream archive, BuildTarget target, BuildOutput output, CancellationToken cancellationToken)
    {
        var image = target.Image.ToString();
        var id = await runtime.BuildImageAsync(archive, image, target.Dockerfile, output, cancellationToken);
        logger.LogInformation("built {Image} ({Id})", image, id);
        string? digest = null;
        if (target.PushAs is { } pushAs)
        {
            if (pushAs != target.Image)
            {
                await runtime.TagImageAsync(image, pushAs.ToString(), cancellationToken);
            }

            output.Report($"Pushing {pushAs} to the registry {pushAs.Registry}");
            digest = await runtime.PushImageAsync(pushAs.ToString(), output, cancellationToken);
            logger.LogInformation("pushed {Image} ({Digest})", pushAs, digest);
        }

        events.Append("build", null, null, target.PushAs is { } pushed ? $"built {image} ({id}) and pushed it as {pushed}" : $"built {image} ({id})");
        return new BuildMessage { Type = BuildMessage.Result, Image = image, Id = id, Pushed = target.PushAs?.ToString(), Digest = digest };
    }

    private static async Task WriteAsync(HttpContext context, BuildMessage message)
    {
        try
        {
            await context.Response.WriteAsync(JsonSerializer.Serialize(message, SkyJson.Info<BuildMessage>()) + "\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client went away; the build was cancelled with it.
        }
    }
}
