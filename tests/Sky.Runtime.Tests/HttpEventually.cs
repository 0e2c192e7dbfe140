using System.Net.Sockets;

namespace Sky.Runtime.Tests;

/// <summary>GETs a URL until the server in a freshly started container answers, since it starts a moment after the container.</summary>
internal static class HttpEventually
{
    public static async Task<string> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (Exception e) when (attempt < 100 && e is HttpRequestException or SocketException or IOException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }
}
