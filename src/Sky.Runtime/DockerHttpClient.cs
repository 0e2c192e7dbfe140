using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sky.Runtime;

/// <summary>
/// HTTP to the engine: the Unix socket or TCP connection, the API version negotiated once with <c>/_ping</c>,
/// and the translation of failures into <see cref="EngineUnavailableException"/> and <see cref="EngineException"/>.
/// </summary>
internal sealed class DockerHttpClient : IDisposable
{
    /// <summary>The newest API version sky is written against; older engines are spoken to in their own version.</summary>
    public static readonly Version MaxApiVersion = new(1, 45);

    private readonly HttpClient http;
    private readonly SemaphoreSlim negotiation = new(1, 1);
    private string? apiVersion;

    public DockerHttpClient(DockerEndpoint endpoint)
    {
        Endpoint = endpoint;
        var handler = new SocketsHttpHandler
        {
            // Every connection, Unix or TCP, goes through the endpoint so that failures are explained the same way.
            ConnectCallback = async (_, ct) => new NetworkStream(await endpoint.ConnectAsync(ct), ownsSocket: true),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            UseProxy = false,
        };

        // No overall timeout: logs, events and wait are long-lived; callers bound calls with their cancellation tokens.
        http = new HttpClient(handler) { BaseAddress = endpoint.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    public DockerEndpoint Endpoint { get; }

    /// <summary>The API version spoken, negotiating it on first use: min(engine's, <see cref="MaxApiVersion"/>).</summary>
    public async Task<string> GetApiVersionAsync(CancellationToken cancellationToken)
    {
        if (apiVersion is { } known)
        {
            return known;
        }

        await negotiation.WaitAsync(cancellationToken);
        try
        {
            if (apiVersion is null)
            {
                using var response = await SendRawAsync(() => new HttpRequestMessage(HttpMethod.Get, "/_ping"), HttpCompletionOption.ResponseContentRead, cancellationToken);
                await EnsureSuccessAsync(response, cancellationToken);
                apiVersion = ChooseVersion(response.Headers.TryGetValues("API-Version", out var values) ? values.FirstOrDefault() : null);
            }

            return apiVersion;
        }
        finally
        {
            negotiation.Release();
        }
    }

    /// <summary>The version to speak given the engine's <c>API-Version</c> header (an engine too old to send one speaks 1.24).</summary>
    internal static string ChooseVersion(string? engineVersion)
    {
        if (!Version.TryParse(engineVersion, out var engine))
        {
            engine = new Version(1, 24);
        }

        var chosen = engine < MaxApiVersion ? engine : MaxApiVersion;
        return string.Create(CultureInfo.InvariantCulture, $"{chosen.Major}.{chosen.Minor}");
    }

    /// <summary>
    /// Sends a request to a versioned path (<c>/containers/json</c> becomes <c>/v1.41/containers/json</c>). Statuses
    /// in <paramref name="accepted"/> are returned like successes; other failures throw <see cref="EngineException"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        Func<HttpContent>? content,
        CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead,
        params HttpStatusCode[] accepted)
    {
        var versioned = await VersionedPathAsync(path, cancellationToken);
        return await SendCheckedAsync(() => new HttpRequestMessage(method, versioned) { Content = content?.Invoke() }, completion, accepted, cancellationToken);
    }

    /// <summary>
    /// A request whose answer is read as a stream (builds, pushes, pulls), with headers of its own
    /// (<c>X-Registry-Auth</c>); failures throw <see cref="EngineException"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendStreamingAsync(HttpMethod method, string path, Func<HttpContent>? content, Action<HttpRequestMessage> prepare, CancellationToken cancellationToken)
    {
        var versioned = await VersionedPathAsync(path, cancellationToken);
        return await SendCheckedAsync(
            () =>
            {
                var request = new HttpRequestMessage(method, versioned) { Content = content?.Invoke() };
                prepare(request);
                return request;
            },
            HttpCompletionOption.ResponseHeadersRead,
            [],
            cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCheckedAsync(Func<HttpRequestMessage> request, HttpCompletionOption completion, HttpStatusCode[] accepted, CancellationToken cancellationToken)
    {
        var response = await SendRawAsync(request, completion, cancellationToken);
        if (response.IsSuccessStatusCode || accepted.Contains(response.StatusCode))
        {
            return response;
        }

        using (response)
        {
            await EnsureSuccessAsync(response, cancellationToken);
            return response;
        }
    }

    public async Task<string> VersionedPathAsync(string path, CancellationToken cancellationToken) =>
        "/v" + await GetApiVersionAsync(cancellationToken) + path;

    /// <summary>GET returning parsed JSON, or null on 404 when <paramref name="notFoundIsNull"/>.</summary>
    public async Task<JsonDocument?> GetJsonAsync(string path, CancellationToken cancellationToken, bool notFoundIsNull = false)
    {
        var accepted = notFoundIsNull ? new[] { HttpStatusCode.NotFound } : [];
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken, HttpCompletionOption.ResponseContentRead, accepted);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>POST with an optional JSON body; returns the JSON answer, or null when the engine sent none.</summary>
    public async Task<JsonDocument?> PostJsonAsync(string path, JsonNode? body, CancellationToken cancellationToken, params HttpStatusCode[] accepted)
    {
        using var response = await SendAsync(HttpMethod.Post, path, body is null ? null : () => Json(body), cancellationToken, HttpCompletionOption.ResponseContentRead, accepted);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>A request whose answer carries nothing sky needs; accepted statuses are not errors.</summary>
    public async Task<HttpStatusCode> SendEmptyAsync(HttpMethod method, string path, CancellationToken cancellationToken, params HttpStatusCode[] accepted)
    {
        using var response = await SendAsync(method, path, null, cancellationToken, HttpCompletionOption.ResponseContentRead, accepted);
        return response.StatusCode;
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>The engine's answer to a failed request as an exception carrying its status and its own message.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var message = text.Trim();
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
            {
                message = m.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not every answer is JSON (a proxy, an old engine): keep the raw text.
        }

        if (message.Length == 0)
        {
            message = response.ReasonPhrase ?? "no message";
        }

        throw new EngineException((int)response.StatusCode, $"The Docker engine refused the request ({(int)response.StatusCode}): {message}");
    }

    /// <summary>Turns a failure to talk to the engine into <see cref="EngineUnavailableException"/>; null when it is not one.</summary>
    /// <summary>
    /// What a failed read of a stream becomes: once cancelled, whatever the read threw (a closed connection, a
    /// disposed stream) is a cancellation; otherwise a lost connection means the engine is unavailable.
    /// </summary>
    /// <summary>The next line of a streamed answer (null at its end), a failed read translated as <see cref="TranslateRead"/> does.</summary>
    public async ValueTask<string?> ReadLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (Exception e) when (TranslateRead(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    public Exception? TranslateRead(Exception e, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return e is OperationCanceledException ? null : new OperationCanceledException("Cancelled.", e, cancellationToken);
        }

        return Translate(e, cancellationToken);
    }

    public Exception? Translate(Exception e, CancellationToken cancellationToken)
    {
        if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is EngineUnavailableException unavailable)
            {
                return unavailable;
            }
        }

        return e is HttpRequestException or IOException
            ? Endpoint.Unavailable("the connection failed (" + e.Message + ")", "Check that the engine (dockerd) is running.", e)
            : null;
    }

    public void Dispose()
    {
        http.Dispose();
        negotiation.Dispose();
    }

    private async Task<HttpResponseMessage> SendRawAsync(Func<HttpRequestMessage> request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var message = request();
        if (message.Content is { } content && content.Headers.ContentType is null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        try
        {
            return await http.SendAsync(message, completion, cancellationToken);
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    private async Task<JsonDocument?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } translated)
        {
            // The engine went away between its headers and the end of its answer.
            throw translated;
        }

        return bytes.Length == 0 ? null : JsonDocument.Parse(bytes);
    }
}
