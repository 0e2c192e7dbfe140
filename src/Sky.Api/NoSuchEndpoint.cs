using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace Sky.Api;

/// <summary>
/// The answer to a request no endpoint took. Routing passes over an endpoint whose method or body type does not fit
/// the request, and this fallback then catches it: so it looks for an endpoint at the same path before saying 404. A
/// body of the wrong type is a 415 that says what the endpoint takes, a wrong method a 405 that says which one fits.
/// </summary>
public static class NoSuchEndpoint
{
    public static void Map(WebApplication app)
    {
        var sources = ((IEndpointRouteBuilder)app).DataSources;
        app.MapFallback((HttpContext context) => Answer(context.Request, sources.SelectMany(s => s.Endpoints)))
            .ExcludeFromDescription();
    }

    private static IResult Answer(HttpRequest request, IEnumerable<Endpoint> endpoints)
    {
        var atPath = endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Methods.Count > 0 && Matches(e.Endpoint.RoutePattern, request.Path))
            .ToList();
        var what = $"{request.Method} {request.Path}";
        if (atPath.Count == 0)
        {
            return ErrorResults.Answer(StatusCodes.Status404NotFound, $"no such endpoint: {what}");
        }

        var sameMethod = atPath.Where(e => e.Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)).ToList();
        if (sameMethod.Count == 0)
        {
            return ErrorResults.Answer(StatusCodes.Status405MethodNotAllowed, $"{what}: this path takes {string.Join(" or ", atPath.SelectMany(e => e.Methods).Distinct())}");
        }

        // One that takes no body was passed over for another reason (a route constraint, say): then nothing fits.
        var takes = sameMethod.Select(e => e.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? []).FirstOrDefault(types => types.Count > 0);
        if (takes is null)
        {
            return ErrorResults.Answer(StatusCodes.Status404NotFound, $"no such endpoint: {what}");
        }

        var sent = string.IsNullOrEmpty(request.ContentType) ? "none" : request.ContentType;
        return ErrorResults.Answer(StatusCodes.Status415UnsupportedMediaType, $"{what} takes a body of Content-Type {string.Join(" or ", takes)}, not {sent}");
    }

    private static bool Matches(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, PathString path) =>
        new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary());
}
