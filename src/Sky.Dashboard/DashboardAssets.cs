using System.Reflection;
using System.Security.Cryptography;

namespace Sky.Dashboard;

/// <summary>
/// The page's files, embedded in this assembly and read into memory once: a few tens of kilobytes, served with an
/// ETag (a browser revalidates and gets a 304) and headers that keep the page to itself: a content security policy
/// that allows only the daemon's own scripts, styles and connections (no inline script, no other origin), no framing,
/// no MIME sniffing, no referrer to other sites.
/// </summary>
public sealed class DashboardAssets
{
    public const string IndexPage = "index.html";
    public const string LoginPage = "login.html";

    private const string Prefix = "wwwroot/";

    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    };

    private readonly Dictionary<string, DashboardAsset> files;

    public DashboardAssets()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => Load(assembly, n))
            .ToDictionary(a => a.Path, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Paths => files.Keys;

    /// <summary>The file at <paramref name="path"/> (<c>app.js</c>, <c>views/service.js</c>); null when the page has none.</summary>
    public DashboardAsset? Find(string path) => files.GetValueOrDefault(path);

    /// <summary>The file as an answer, or a 404 when there is none of that name.</summary>
    public IResult Answer(HttpContext context, string path) =>
        Find(path) is { } asset ? new AssetResult(asset) : Results.NotFound();

    private static DashboardAsset Load(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var path = resource[Prefix.Length..];
        var type = MediaTypes.GetValueOrDefault(System.IO.Path.GetExtension(path), "application/octet-stream");
        return new DashboardAsset(path, type, bytes, $"\"{Convert.ToHexString(SHA256.HashData(bytes))[..16]}\"");
    }

    private sealed class AssetResult(DashboardAsset asset) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            var headers = response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Not no-referrer: under it the browser sends "Origin: null" with the page's own form posts, which the daemon
            // (rightly) refuses as coming from no known site.
            headers["Referrer-Policy"] = "same-origin";

            // Revalidated on every load: a daemon upgraded in place serves its new page at once.
            headers.CacheControl = "no-cache";
            headers.ETag = asset.ETag;
            if (httpContext.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            response.ContentType = asset.ContentType;
            response.ContentLength = asset.Content.Length;
            await response.Body.WriteAsync(asset.Content, httpContext.RequestAborted);
        }
    }
}
