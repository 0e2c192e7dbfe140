using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static Sky.Runtime.DockerQuery;

namespace Sky.Runtime;

/// <summary>Commands run inside containers, and the raw terminal connection of interactive containers.</summary>
internal sealed class EngineExec(DockerHttpClient client)
{
    public async Task<ExecResult> ExecAsync(string id, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var create = new JsonObject
        {
            ["AttachStdin"] = false,
            ["AttachStdout"] = true,
            ["AttachStderr"] = true,
            ["Tty"] = false,
            ["Cmd"] = new JsonArray(command.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
        };
        string execId;
        using (var created = await DockerRuntime.RequireJsonAsync(client.PostJsonAsync($"/containers/{Segment(id)}/exec", create, cancellationToken), "an exec creation"))
        {
            execId = created.RootElement.String("Id") ?? throw new EngineException((int)HttpStatusCode.BadGateway, "The Docker engine created an exec but sent no id.");
        }

        // Started attached, the engine streams the output (multiplexed, no terminal) and ends it when the command ends.
        var output = new MemoryStream();
        using (var response = await client.SendAsync(
            HttpMethod.Post,
            $"/exec/{execId}/start",
            () => DockerHttpClient.Json(new JsonObject { ["Detach"] = false, ["Tty"] = false }),
            cancellationToken,
            HttpCompletionOption.ResponseHeadersRead))
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var reader = new MultiplexedStreamReader(stream, raw: false);
            try
            {
                while (await reader.ReadFrameAsync(cancellationToken) is { } frame)
                {
                    output.Write(frame.Payload.Span);
                }
            }
            catch (Exception e) when (client.Translate(e, cancellationToken) is { } translated)
            {
                throw translated;
            }
        }

        var exitCode = await ExecExitCodeAsync(execId, cancellationToken);
        return new ExecResult(exitCode, Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length));
    }

    /// <summary>
    /// A raw two-way stream to the stdin and output of a container (created with <c>OpenStdin</c>): plain bytes for a
    /// terminal container, multiplexed frames otherwise. Disposing the stream detaches; the container keeps running.
    /// </summary>
    public async Task<Stream> AttachAsync(string id, CancellationToken cancellationToken)
    {
        var path = await client.VersionedPathAsync($"/containers/{Segment(id)}/attach?stream=1&stdin=1&stdout=1&stderr=1", cancellationToken);
        return await UpgradedConnection.OpenAsync(client.Endpoint, "POST", path, cancellationToken);
    }

    /// <summary>Tells a terminal container the size of the window it is shown in.</summary>
    public async Task ResizeTtyAsync(string id, int width, int height, CancellationToken cancellationToken) =>
        await client.SendEmptyAsync(HttpMethod.Post, $"/containers/{Segment(id)}/resize?h={Number(height)}&w={Number(width)}", cancellationToken);

    private async Task<long> ExecExitCodeAsync(string execId, CancellationToken cancellationToken)
    {
        // The output can end a moment before the engine records the exit: ask again briefly while it still runs.
        for (var attempt = 0; ; attempt++)
        {
            using var inspect = await DockerRuntime.RequireJsonAsync(client.GetJsonAsync($"/exec/{execId}/json", cancellationToken), "an exec inspection");
            if (!inspect.RootElement.Boolean("Running") || attempt >= 50)
            {
                return inspect.RootElement.Int64("ExitCode");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }
}
