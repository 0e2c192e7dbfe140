using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Sky.Router.Table;

namespace Sky.Router.Down;

/// <summary>
/// The answer when nothing can take a request for a known host: 503 with <c>Retry-After</c>, naming the services and
/// instances behind the host and why each is down; JSON when the client asks for JSON, else HTML (the service's own
/// page when it names one). An unknown host gets a 404 that names nothing, so the router does not list what it serves.
/// </summary>
public sealed class DownPage(RouterState state)
{
    public const int RetryAfterSeconds = 5;

    public async Task WriteAsync(HttpContext context, Site? site)
    {
        var outages = site is null ? [] : OutageReport.Of(site, state);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        var host = context.Request.Host.Value ?? string.Empty;
        if (WantsJson(context.Request))
        {
            response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(response.Body, new DownAnswer("down", host, RetryAfterSeconds, outages), DownJsonContext.Default.DownAnswer, context.RequestAborted);
            return;
        }

        response.ContentType = "text/html; charset=utf-8";
        var own = site?.Settings.DownPage is { } file ? await OwnPageAsync(file) : null;
        await response.WriteAsync(own ?? Html(host, outages), context.RequestAborted);
    }

    public static Task WriteUnknownHostAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("404 no service answers to this host\n", context.RequestAborted);
    }

    private static bool WantsJson(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        var json = accepted.Where(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var html = accepted.Where(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        return json > 0 && json >= html;
    }

    /// <summary>The service's own page; sky's when the file cannot be read now (it was checked when the configuration was applied).</summary>
    private static async Task<string?> OwnPageAsync(string file)
    {
        try
        {
            return await File.ReadAllTextAsync(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Html(string host, IReadOnlyList<InstanceOutage> outages)
    {
        var page = new StringBuilder();
        page.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Service unavailable</title>")
            .Append("<style>body{font-family:sans-serif;max-width:40em;margin:3em auto;color:#222}li{margin:.3em 0}code{color:#555}</style></head><body>")
            .Append("<h1>Service unavailable</h1><p>Nothing behind <b>").Append(WebUtility.HtmlEncode(host)).Append("</b> can answer right now.</p><ul>");
        foreach (var outage in outages)
        {
            page.Append("<li><b>").Append(WebUtility.HtmlEncode(outage.Service)).Append('/').Append(WebUtility.HtmlEncode(outage.Instance))
                .Append("</b>: ").Append(WebUtility.HtmlEncode(outage.Reason)).Append(" <code>(")
                .Append(WebUtility.HtmlEncode(string.Join(", ", outage.Containers.Select(c => $"{c.Name} {c.State}")))).Append(")</code></li>");
        }

        page.Append("</ul><p>Try again in ").Append(RetryAfterSeconds).Append(" seconds.</p></body></html>");
        return page.ToString();
    }
}
