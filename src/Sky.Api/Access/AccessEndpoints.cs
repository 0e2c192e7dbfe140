namespace Sky.Api.Access;

/// <summary>
/// The page's login and logout. The login takes the token from a form and sets the session cookie: HttpOnly (no
/// script reads it), SameSite=Strict (no other site's page sends it) and Secure when the page came over HTTPS.
/// </summary>
public static class AccessEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // On loopback there is nothing to log in to: the page is open.
        app.MapGet("/login", (HttpContext context, AccessPolicy policy, Sky.Dashboard.DashboardAssets assets) =>
            policy.RequiresToken ? assets.Answer(context, Sky.Dashboard.DashboardAssets.LoginPage) : Results.Redirect("/"))
            .ExcludeFromDescription();

        app.MapPost("/login", async (HttpContext context, AccessPolicy policy) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            if (!policy.IsToken(form?["token"].ToString()))
            {
                RequestErrors.Note(context, StatusCodes.Status303SeeOther, "login refused: not this daemon's token");
                return Results.Redirect("/login?refused");
            }

            context.Response.Cookies.Append(AccessPolicy.CookieName, policy.SessionValue, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
                MaxAge = TimeSpan.FromDays(30),
            });
            return Results.Redirect("/");
        })
            .ExcludeFromDescription();

        app.MapPost("/logout", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(AccessPolicy.CookieName, new CookieOptions { Path = "/" });
            return Results.Redirect("/login");
        })
            .ExcludeFromDescription();
    }
}
