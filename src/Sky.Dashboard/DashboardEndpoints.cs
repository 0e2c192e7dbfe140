namespace Sky.Dashboard;

/// <summary>
/// Serves the page on the daemon's listener: <c>/</c> is the single page (its views are addressed after <c>#</c>, so
/// every link works without server routes) and <c>/ui/FILE</c> its scripts and styles. The page reads everything
/// else from <c>/api/v1</c> like any other client.
/// </summary>
public static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context, DashboardAssets assets) => assets.Answer(context, DashboardAssets.IndexPage))
            .ExcludeFromDescription();
        app.MapGet("/ui/{*path}", (string path, HttpContext context, DashboardAssets assets) => assets.Answer(context, path))
            .ExcludeFromDescription();
    }
}
