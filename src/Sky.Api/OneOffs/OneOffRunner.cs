using System.Text.Json;
using Sky.Contracts;
using Sky.Feed;
using Sky.OneOffs;
using Sky.Runtime;

namespace Sky.Api.OneOffs;

/// <summary>
/// <c>POST /runs</c>: runs a command to completion in a new one-off container and streams its output as NDJSON
/// <see cref="RunMessage"/>s, ending with its exit code. The container is removed afterwards, also when the client
/// goes away mid-run (then it is killed first). It writes to the response as the command prints, so it stays with the
/// endpoints; the containers themselves are <see cref="OneOffContainers"/>'.
/// </summary>
public sealed class OneOffRunner(OneOffContainers oneOffs, IContainerRuntime runtime, IOutputKeeper output, ILogger<OneOffRunner> logger)
{
    public async Task<IResult> RunAsync(HttpContext context, RunRequest request)
    {
        var cancellationToken = context.RequestAborted;
        if (request.Command.Count == 0)
        {
            return ErrorResults.From(new Supervisor.OperationException(Supervisor.OperationErrorKind.Invalid, "no command to run (sky run IMAGE -- CMD...)"));
        }

        string id;
        string name;
        try
        {
            (id, name) = await oneOffs.CreateAsync(request.Image, request.Command, interactive: false, request.CreatedBy, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return ErrorResults.From(exception);
        }

        var removed = false;
        try
        {
            try
            {
                await runtime.StartContainerAsync(id, cancellationToken);
            }
            catch (EngineException exception)
            {
                // The command itself cannot start (not found in the image, for instance): say so plainly.
                return ErrorResults.From(new Supervisor.OperationException(Supervisor.OperationErrorKind.Failed, $"cannot start the command: {exception.Message}"));
            }

            context.Response.ContentType = "application/x-ndjson";
            await context.Response.StartAsync(cancellationToken);
            await foreach (var entry in runtime.GetLogsAsync(id, new LogQuery { Follow = true, Timestamps = false }, cancellationToken))
            {
                await WriteAsync(context, new RunMessage { Type = entry.Stream == LogStream.Stderr ? RunMessage.Stderr : RunMessage.Stdout, Text = entry.Text });
            }

            var exitCode = await runtime.WaitContainerAsync(id, cancellationToken);

            // Removed before the exit code goes out: a client that has its answer finds nothing left behind.
            removed = await RemoveAsync(id, name);
            await WriteAsync(context, new RunMessage { Type = RunMessage.Exit, ExitCode = exitCode });
        }
        catch (OperationCanceledException)
        {
            // The client went away: the finally below still removes the container.
        }
        catch (Exception exception) when (context.Response.HasStarted)
        {
            RequestErrors.Note(context, exception);
            var (_, error) = ErrorResults.Describe(exception);
            await WriteAsync(context, new RunMessage { Type = RunMessage.Failure, Error = error.Error });
        }
        finally
        {
            if (!removed)
            {
                await RemoveAsync(id, name);
            }
        }

        return Results.Empty;
    }

    private async Task<bool> RemoveAsync(string id, string name)
    {
        try
        {
            await output.ReadToEndAsync(id, CancellationToken.None);
            await runtime.RemoveContainerAsync(id, force: true, CancellationToken.None);
            oneOffs.Outbox.Remove(name);
            return true;
        }
        catch (Exception exception) when (exception is EngineException or EngineUnavailableException)
        {
            // The sweeper removes it later.
            logger.LogWarning("could not remove run container {Id}: {Message}", id, exception.Message);
            return false;
        }
    }

    private static async Task WriteAsync(HttpContext context, RunMessage message)
    {
        await context.Response.WriteAsync(JsonSerializer.Serialize(message, SkyJson.Info<RunMessage>()) + "\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
