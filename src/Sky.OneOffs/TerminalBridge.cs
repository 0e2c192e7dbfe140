using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sky.Contracts;
using Sky.Model;
using Sky.Runtime;

namespace Sky.OneOffs;

/// <summary>
/// Joins a client's WebSocket to the engine's attach stream of a terminal container, both ways: binary frames carry
/// terminal bytes, text frames carry <see cref="TerminalMessage"/>s. When the shell ends the client gets its exit
/// code; when the client goes (detach, or it died) only the attach ends and the container keeps running.
/// </summary>
public sealed class TerminalBridge(IContainerRuntime runtime, ILogger<TerminalBridge> logger)
{
    public async Task RunAsync(WebSocket socket, ObservedContainer container, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var engine = await runtime.AttachAsync(container.Id, cancellationToken);
        await using (engine)
        {
            // Started only now, after the attach, so that the shell's first prompt reaches the client.
            if (container.State == ContainerState.Created)
            {
                await runtime.StartContainerAsync(container.Id, cancellationToken);
            }

            var fromClient = Task.Run(() => ClientToEngineAsync(socket, engine, container.Id, stop.Token), CancellationToken.None);
            var toClient = Task.Run(() => EngineToClientAsync(socket, engine, stop.Token), CancellationToken.None);
            var first = await Task.WhenAny(fromClient, toClient);
            if (first == toClient && !fromClient.IsCompleted)
            {
                await SendExitAsync(socket, container.Id, cancellationToken);
            }
            else if (socket.State is WebSocketState.CloseReceived)
            {
                await CloseQuietlyAsync(socket, "detached");
            }

            // Let the client answer the close before cancelling: a cancelled receive aborts the socket, and an abort
            // can drop the last frames (the exit code) still on their way.
            await Task.WhenAny(fromClient, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
            await stop.CancelAsync();
            await Task.WhenAll(fromClient, toClient).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ClientToEngineAsync(WebSocket socket, Stream engine, string id, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (received.MessageType == WebSocketMessageType.Binary)
                {
                    await engine.WriteAsync(buffer.AsMemory(0, received.Count), cancellationToken);
                    await engine.FlushAsync(cancellationToken);
                }
                else if (received.EndOfMessage && JsonSerializer.Deserialize(buffer.AsSpan(0, received.Count), SkyJson.Info<TerminalMessage>()) is { Type: TerminalMessage.Resize, Width: > 0 and var width, Height: > 0 and var height })
                {
                    await ResizeAsync(id, width, height, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or JsonException)
        {
            // The client vanished or sent garbage: treat it as a detach; the container runs on.
        }
    }

    private static async Task EngineToClientAsync(WebSocket socket, Stream engine, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await engine.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await socket.SendAsync(buffer.AsMemory(0, read), WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    private async Task ResizeAsync(string id, int width, int height, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.ResizeTtyAsync(id, width, height, cancellationToken);
        }
        catch (EngineException exception)
        {
            // A container that just stopped cannot be resized; the exit message follows.
            logger.LogDebug("resize of {Id} refused: {Message}", id, exception.Message);
        }
    }

    /// <summary>The attach stream ended: the shell exited. Tell the client how, then close.</summary>
    private async Task SendExitAsync(WebSocket socket, string id, CancellationToken cancellationToken)
    {
        long exitCode;
        try
        {
            exitCode = await runtime.WaitContainerAsync(id, cancellationToken);
        }
        catch (EngineException exception)
        {
            logger.LogWarning("one-off {Id} ended but its exit code is unknown: {Message}", id, exception.Message);
            exitCode = 1;
        }

        try
        {
            var message = JsonSerializer.SerializeToUtf8Bytes(new TerminalMessage { Type = TerminalMessage.Exit, ExitCode = exitCode }, SkyJson.Info<TerminalMessage>());
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            return;
        }

        await CloseQuietlyAsync(socket, "exited");
    }

    private static async Task CloseQuietlyAsync(WebSocket socket, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
    }
}
