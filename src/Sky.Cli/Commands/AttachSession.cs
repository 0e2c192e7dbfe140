using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using Sky.Cli.Output;
using Sky.Cli.Terminal;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// The terminal side of <c>sky container</c> and <c>sky attach</c>: a WebSocket to the daemon's attach endpoint, the
/// local terminal in raw mode, keystrokes out (watching for Ctrl-P Ctrl-Q), output in, window size on every change.
/// Returns the shell's exit code, or 0 after a detach (the container keeps running). With <c>-o json</c> the terminal's
/// bytes go to stderr and stdout gets one JSON document at the end: the container, whether it was detached, the exit code.
/// </summary>
public static class AttachSession
{
    public static async Task<int> RunAsync(CliContext cli, OneOffView oneOff, CancellationToken cancellationToken)
    {
        using var client = cli.Client();
        using var socket = new ClientWebSocket();
        var uri = new Uri($"{WebSocketAddress(client.Address)}/api/v1/oneoffs/{Uri.EscapeDataString(oneOff.Id)}/attach");
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
        }
        catch (WebSocketException exception)
        {
            throw new CliException(ExitCodes.Unreachable, $"cannot attach to {oneOff.Name} through the daemon at {client.Address} ({exception.Message})");
        }

        using var sendLock = new SemaphoreSlim(1, 1);
        using var stopReceiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watcher = new DetachKeyWatcher();
        long? exitCode = null;
        using (var terminal = RawTerminal.Enter())
        {
            await SendResizeAsync(socket, sendLock, cancellationToken);
            using var resizes = WatchResizes(socket, sendLock);
            _ = Task.Factory.StartNew(() => PumpKeystrokesAsync(socket, sendLock, watcher, stopReceiving), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            exitCode = await ReceiveAsync(socket, cli.Format == OutputFormat.Json, stopReceiving.Token);
        }

        if (cli.Format == OutputFormat.Json && (watcher.Detached || exitCode is not null))
        {
            JsonOutput.Write(cli.Out, new AttachJson(oneOff.Id, oneOff.Name, watcher.Detached, exitCode));
        }

        if (watcher.Detached)
        {
            cli.Human.WriteLine();
            cli.Human.WriteLine($"detached from {oneOff.Name} (sky attach {oneOff.Id} to return)");
            return ExitCodes.Ok;
        }

        return exitCode is { } code
            ? (int)code
            : throw new CliException(ExitCodes.Failed, $"lost the connection to {oneOff.Name}; it may still run (sky containers, sky attach {oneOff.Id})");
    }

    public static string WebSocketAddress(string httpAddress) =>
        httpAddress.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + httpAddress[8..]
        : httpAddress.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + httpAddress[7..]
        : httpAddress;

    /// <summary>Output to stdout (stderr when stdout is for JSON) as it comes, until the daemon closes; the shell's exit code when it says so.</summary>
    private static async Task<long?> ReceiveAsync(ClientWebSocket socket, bool json, CancellationToken cancellationToken)
    {
        using var stdout = json ? Console.OpenStandardError() : Console.OpenStandardOutput();
        var buffer = new byte[16 * 1024];
        var text = new MemoryStream();
        long? exitCode = null;
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await AnswerCloseAsync(socket);
                    return exitCode;
                }

                if (received.MessageType == WebSocketMessageType.Binary)
                {
                    await stdout.WriteAsync(buffer.AsMemory(0, received.Count), cancellationToken);
                    await stdout.FlushAsync(cancellationToken);
                    continue;
                }

                text.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    var message = JsonSerializer.Deserialize(text.ToArray(), SkyJson.Info<TerminalMessage>());
                    text.SetLength(0);
                    if (message is { Type: TerminalMessage.Exit })
                    {
                        exitCode = message.ExitCode ?? 1;
                    }
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            return exitCode;
        }
    }

    /// <summary>Completes the close handshake the daemon started, so that it ends the session cleanly.</summary>
    private static async Task AnswerCloseAsync(ClientWebSocket socket)
    {
        try
        {
            if (socket.State == WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
    }

    /// <summary>Keystrokes from the terminal to the container; on Ctrl-P Ctrl-Q, closes the socket (a detach).</summary>
    private static async Task PumpKeystrokesAsync(ClientWebSocket socket, SemaphoreSlim sendLock, DetachKeyWatcher watcher, CancellationTokenSource stopReceiving)
    {
        // fd 0 itself: Console's own stdin stream edits lines on a terminal, and the keys must go through one by one.
        using var stdin = new FileStream(new SafeFileHandle(0, ownsHandle: false), FileAccess.Read, 1);
        var buffer = new byte[4096];
        try
        {
            int read;
            while (socket.State == WebSocketState.Open && (read = await stdin.ReadAsync(buffer)) > 0)
            {
                var forward = watcher.Feed(buffer.AsSpan(0, read));
                if (forward.Length > 0)
                {
                    await SendAsync(socket, sendLock, forward, WebSocketMessageType.Binary);
                }

                if (watcher.Detached)
                {
                    await sendLock.WaitAsync();
                    try
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "detach", CancellationToken.None);
                    }
                    finally
                    {
                        sendLock.Release();
                    }

                    // The daemon answers the close at once; do not wait forever if it does not.
                    stopReceiving.CancelAfter(TimeSpan.FromSeconds(3));
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The session ended while a key was on its way.
        }
    }

    private static PosixSignalRegistration? WatchResizes(ClientWebSocket socket, SemaphoreSlim sendLock)
    {
        if (Console.IsOutputRedirected || OperatingSystem.IsWindows())
        {
            return null;
        }

        return PosixSignalRegistration.Create(PosixSignal.SIGWINCH, signal => { _ = SendResizeAsync(socket, sendLock, CancellationToken.None); });
    }

    private static async Task SendResizeAsync(ClientWebSocket socket, SemaphoreSlim sendLock, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected)
        {
            return;
        }

        int width, height;
        try
        {
            (width, height) = (Console.WindowWidth, Console.WindowHeight);
        }
        catch (IOException)
        {
            return;
        }

        if (width > 0 && height > 0)
        {
            var message = JsonSerializer.SerializeToUtf8Bytes(new TerminalMessage { Type = TerminalMessage.Resize, Width = width, Height = height }, SkyJson.Info<TerminalMessage>());
            try
            {
                await SendAsync(socket, sendLock, message, WebSocketMessageType.Text, cancellationToken);
            }
            catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or OperationCanceledException)
            {
            }
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, SemaphoreSlim sendLock, byte[] bytes, WebSocketMessageType type, CancellationToken cancellationToken = default)
    {
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, type, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sendLock.Release();
        }
    }
}
