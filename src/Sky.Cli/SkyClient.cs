using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Sky.Api;
using Sky.Contracts;

namespace Sky.Cli;

/// <summary>
/// The CLI's way to the daemon: <c>SKY_ADDR</c> (default <c>http://127.0.0.1:7070</c>), JSON in and out, NDJSON streams
/// for long operations. Error answers become <see cref="CliException"/> with the daemon's own sentence.
/// </summary>
public sealed class SkyClient : IDisposable
{
    public const string DefaultAddress = "http://" + DaemonOptions.DefaultListen;

    private readonly HttpClient http;

    public SkyClient(string? address = null)
    {
        var configured = address ?? Environment.GetEnvironmentVariable("SKY_ADDR");
        Address = (string.IsNullOrEmpty(configured) ? DefaultAddress : configured).TrimEnd('/');
        if (!Address.Contains("://", StringComparison.Ordinal))
        {
            Address = "http://" + Address;
        }

        http = new HttpClient { BaseAddress = new Uri(Address + "/api/v1/"), Timeout = Timeout.InfiniteTimeSpan };
        if (Token() is { } token)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>
    /// The token a daemon beyond loopback asks for: <c>SKY_TOKEN</c>, else the one in the data folder of a daemon on this
    /// machine (<c>SKY_DATA_DIR</c>, else the default), which is where <c>sky token</c> reads it too. A daemon on
    /// loopback ignores it.
    /// </summary>
    private static string? Token()
    {
        var configured = Environment.GetEnvironmentVariable("SKY_TOKEN");
        return !string.IsNullOrWhiteSpace(configured) ? configured.Trim() : Sky.Api.Access.ApiTokenFile.Read(DaemonOptions.DefaultDataDirectory());
    }

    public string Address { get; }

    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    public async Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) }, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>Sends a request whose answer is NDJSON and yields each line as it arrives.</summary>
    public IAsyncEnumerable<T> StreamAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        StreamAsync<T>(new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) }, cancellationToken);

    /// <summary>Sends a body that is not JSON (a build context's tar archive) and yields each NDJSON line of the answer.</summary>
    public IAsyncEnumerable<T> UploadAsync<T>(HttpMethod method, string path, HttpContent content, CancellationToken cancellationToken) =>
        StreamAsync<T>(new HttpRequestMessage(method, path) { Content = content }, cancellationToken);

    private async IAsyncEnumerable<T> StreamAsync<T>(HttpRequestMessage request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await ReadLineAsync(reader, cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                yield return JsonSerializer.Deserialize(line, SkyJson.Info<T>())!;
            }
        }
    }

    /// <summary>Reads a server-sent event stream, yielding each event's name and data as it arrives.</summary>
    public async IAsyncEnumerable<(string Event, string Data)> ServerSentEventsAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var name = "message";
        var data = new System.Text.StringBuilder();
        while (await ReadLineAsync(reader, cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    yield return (name, data.ToString());
                }

                name = "message";
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(data.Length > 0 ? "\n" : string.Empty).Append(line[5..].TrimStart());
            }
        }
    }

    public void Dispose() => http.Dispose();

    /// <summary>A request body, written as the type it is (a contract, or <see cref="EmptyBody"/>).</summary>
    private static JsonContent Json(object body) => JsonContent.Create(body, CliJson.Options.GetTypeInfo(body.GetType()));

    /// <summary>A daemon that dies mid-answer (a crash, kill -9) is said in words, not as a stack trace.</summary>
    private async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            throw LostConnection(exception);
        }
    }

    private CliException LostConnection(Exception exception) => new(
        ExitCodes.Unreachable,
        $"lost the connection to the sky daemon at {Address} before it finished ({exception.Message}). "
        + "What it started is recorded: once the daemon runs again it carries on; see `sky service status`.");

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                var reason = exception.InnerException?.Message ?? exception.Message;
                throw new CliException(
                    ExitCodes.Unreachable,
                    $"cannot reach the sky daemon at {Address} ({reason}). Start it with `sky daemon`, or point SKY_ADDR at it.");
            }
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        try
        {
            return (await response.Content.ReadFromJsonAsync(SkyJson.Info<T>(), cancellationToken))!;
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            throw LostConnection(exception);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        ApiError? error = null;
        try
        {
            error = await response.Content.ReadFromJsonAsync(SkyJson.Info<ApiError>(), cancellationToken);
        }
        catch (JsonException)
        {
        }

        var exitCode = response.StatusCode switch
        {
            HttpStatusCode.BadRequest => ExitCodes.Invalid,
            HttpStatusCode.NotFound => ExitCodes.NotFound,
            HttpStatusCode.ServiceUnavailable => ExitCodes.Unreachable,
            _ => ExitCodes.Failed,
        };
        throw new CliException(exitCode, error?.Error ?? $"the daemon answered {(int)response.StatusCode} {response.ReasonPhrase}", error?.Details);
    }
}
