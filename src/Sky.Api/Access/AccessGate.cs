namespace Sky.Api.Access;

/// <summary>
/// Stands before every endpoint of the daemon's listener (page and API) and refuses, with one log line each:
/// <list type="bullet">
/// <item>on a loopback listener, a request whose <c>Host</c> is not a loopback name: a web page that rebinds its own
/// DNS name to 127.0.0.1 reaches the port, but not with a loopback host name;</item>
/// <item>a state-changing request (anything but GET, HEAD, OPTIONS) sent by a browser from another origin, found by
/// its <c>Sec-Fetch-Site</c> or <c>Origin</c> header: a page elsewhere, or a service behind sky's router on another
/// port of the same host, cannot make a visitor's browser stop or restart anything. The CLI sends neither header;</item>
/// <item>beyond loopback, a request without the token or the session cookie: the page goes to its login, the API
/// answers 401. The login and the page's static files (code, no data) are open, so that one can log in.</item>
/// </list>
/// </summary>
public sealed class AccessGate(RequestDelegate next, AccessPolicy policy, DaemonOptions options)
{
    private readonly bool loopback = ListenScope.IsLoopback(options.Listen);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (loopback && !ListenScope.IsLoopbackHost(request.Host.Host))
        {
            return Refuse(context, StatusCodes.Status403Forbidden, $"host '{request.Host.Host}' is not a loopback name: this daemon listens on loopback only (a page rebinding its name to 127.0.0.1?)");
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method) && CrossSite(request) is { } why)
        {
            return Refuse(context, StatusCodes.Status403Forbidden, $"refused a {request.Method} from another site ({why}): actions come from the daemon's own page, the CLI or scripts");
        }

        if (!policy.RequiresToken || IsOpen(request) || policy.Admits(request))
        {
            return next(context);
        }

        if (HttpMethods.IsGet(request.Method) && IsPage(request.Path))
        {
            context.Response.Redirect("/login");
            return Task.CompletedTask;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Refuse(context, StatusCodes.Status401Unauthorized, "this daemon listens beyond loopback: send its token as 'Authorization: Bearer TOKEN' (sky token prints it) or log in at /login");
    }

    /// <summary>Why a browser's request comes from another origin than the daemon's own; null when it does not.</summary>
    private static string? CrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return $"Sec-Fetch-Site: {fetchSite}";
        }

        var origin = request.Headers.Origin.ToString();
        var own = $"{request.Scheme}://{request.Host.Value}";
        return origin.Length > 0 && !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) ? $"Origin: {origin}" : null;
    }

    /// <summary>The login and the page's static files: code and styles, never data.</summary>
    private static bool IsOpen(HttpRequest request) =>
        request.Path.Equals("/login", StringComparison.Ordinal) || request.Path.StartsWithSegments("/ui", StringComparison.Ordinal);

    /// <summary>A person's browser asking for the page (not the API, not Prometheus' exposition).</summary>
    private static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api", StringComparison.Ordinal) && !path.StartsWithSegments("/metrics", StringComparison.Ordinal);

    private static Task Refuse(HttpContext context, int status, string reason) =>
        ErrorResults.Answer(status, reason).ExecuteAsync(context);
}
