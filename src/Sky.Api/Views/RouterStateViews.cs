using Sky.Contracts;
using Sky.Router;
using Sky.Router.Breaking;
using Sky.Router.Table;

namespace Sky.Api.Views;

/// <summary>A container's place in the router (its backend state, its breaker) in its wire shape.</summary>
public static class RouterStateViews
{
    /// <summary>Null when the router has no member of that name: the container carries no host, or is not in the table yet.</summary>
    public static RouterStateView? Of(RouterState router, string container)
    {
        if (router.Member(container) is not { } member)
        {
            return null;
        }

        var breaker = member.Breaker;
        var until = breaker.EjectedUntil;
        double? left = until is { } end ? Math.Max(0, (end - router.Time.GetUtcNow()).TotalSeconds) : null;
        return new RouterStateView(Name(member.Backend.State), Name(breaker.State), until, left, breaker.Ejections, member.InFlight);
    }

    public static string Name(BackendState state) => state switch
    {
        BackendState.CrashLooping => "crash-looping",
        BackendState.CannotStart => "cannot-start",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static string Name(BreakerState state) => state.ToString().ToLowerInvariant();
}
