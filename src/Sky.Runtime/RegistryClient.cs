using System.Net;
using System.Net.Http.Headers;

namespace Sky.Runtime;

/// <summary>
/// The little sky asks of an image registry itself (Docker's Registry HTTP API V2): whether it holds an image at a tag.
/// Pulls and pushes go through the engine, which has its own connection to the registry. A registry on a loopback
/// address is spoken to in plain HTTP, as the engine does (it treats <c>127.0.0.0/8</c> as insecure); any other over HTTPS.
/// </summary>
public sealed class RegistryClient : IDisposable
{
    // Every manifest kind a tag can point at: a single image (Docker's or OCI's), or a list of them per platform.
    private static readonly string[] ManifestTypes =
    [
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
    ];

    private readonly HttpClient http;

    /// <param name="address"><c>HOST:PORT</c>, as image references write it.</param>
    public RegistryClient(string address, HttpMessageHandler? handler = null)
    {
        Address = address;
        var scheme = IsLoopback(address) ? "http" : "https";
        http = new HttpClient(handler ?? new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = new Uri($"{scheme}://{address}/v2/"),
            Timeout = TimeSpan.FromSeconds(15),
        };
    }

    public string Address { get; }

    /// <summary>
    /// Whether the registry holds <paramref name="image"/> (<c>HEAD /v2/NAME/manifests/TAG</c>): true for 200, false for
    /// 404; anything else is <see cref="RegistryUnavailableException"/>.
    /// </summary>
    public async Task<bool> HasAsync(ImageReference image, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, $"{image.Repository}/manifests/{image.Version}");
        foreach (var type in ManifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = exception is TaskCanceledException ? $"no answer within {http.Timeout.TotalSeconds:0} s" : exception.InnerException?.Message ?? exception.Message;
            throw new RegistryUnavailableException($"the registry {Address} cannot be reached ({reason})", exception);
        }

        using (response)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.OK => true,
                HttpStatusCode.NotFound => false,
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    throw new RegistryUnavailableException($"the registry {Address} asks for credentials ({(int)response.StatusCode}); sky uses registries that need none"),
                _ => throw new RegistryUnavailableException($"the registry {Address} answered {(int)response.StatusCode} {response.ReasonPhrase} about {image}"),
            };
        }
    }

    public void Dispose() => http.Dispose();

    private static bool IsLoopback(string address)
    {
        var host = address.StartsWith('[') ? address[1..address.IndexOf(']', StringComparison.Ordinal)] : address.Split(':')[0];
        return host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
