using Sky.Configuration.Values;

namespace Sky.Api.Endpoints;

/// <summary>
/// Refuses a service or job name (the <c>{name}</c> of a path, the <c>instance</c> of a query) that no configuration
/// could define, with the naming rule, as a 400: it is a mistake in what was typed, not a lookup that found nothing.
/// The rule is the configuration's own, so the two cannot drift apart.
/// </summary>
public sealed class NameFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var name = request.RouteValues.TryGetValue("name", out var value) ? value as string : null;
        var instance = request.Query["instance"].FirstOrDefault();
        foreach (var given in new[] { name, instance })
        {
            if (!string.IsNullOrEmpty(given) && !Names.IsValid(given))
            {
                return ErrorResults.Answer(StatusCodes.Status400BadRequest, Names.Problem(given));
            }
        }

        return await next(context);
    }
}
