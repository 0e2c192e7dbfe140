namespace Sky.Cli.Tests.Routing;

/// <summary>An HTTP client aimed at a test daemon's router, sending the host a test names; fresh connections are cheap on loopback.</summary>
public sealed class RoutedClient(TestDaemon daemon) : IDisposable
{
    private readonly HttpClient client = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<HttpResponseMessage> SendAsync(string host, string path, HttpMethod? method = null, HttpContent? content = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, daemon.RouterAddress + path) { Content = content };
        request.Headers.Host = host;
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await client.SendAsync(request);
    }

    /// <summary>GETs and returns status and body.</summary>
    public async Task<(int Status, string Body)> GetAsync(string host, string path = "/")
    {
        using var response = await SendAsync(host, path);
        return ((int)response.StatusCode, (await response.Content.ReadAsStringAsync()).Trim());
    }

    public void Dispose() => client.Dispose();
}
