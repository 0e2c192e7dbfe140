using Sky.Configuration.Keys;
using Sky.Configuration.Reading;
using Sky.Configuration.Values;
using Sky.Model.Routing;

namespace Sky.Configuration.Resolution;

/// <summary>
/// The <see cref="RouterSettings"/> of one instance from its <c>router:</c>, already merged over its service's: a key
/// set at neither level keeps the router's default. Checks what involves more than one key.
/// </summary>
internal sealed class RouterSettingsResolver(string file, ErrorList errors)
{
    public RouterSettings Resolve(NestedKeys? router)
    {
        var defaults = RouterSettings.Default;
        if (router is null)
        {
            return defaults;
        }

        var keys = router.Values;
        return new RouterSettings
        {
            Balancing = keys.Get(RouterKeys.Balancing) ?? defaults.Balancing,
            Breaker = Breaker(keys.Get(RouterKeys.Breaker)),
            DrainTimeout = keys.Get(RouterKeys.DrainTimeout) ?? defaults.DrainTimeout,
            DownPage = keys.Get(RouterKeys.DownPage)?.Value,
        };
    }

    private BreakerSettings Breaker(NestedKeys? breaker)
    {
        var defaults = RouterSettings.Default.Breaker;
        if (breaker is null)
        {
            return defaults;
        }

        var keys = breaker.Values;
        var settings = new BreakerSettings
        {
            FailureRatio = keys.Get(RouterKeys.FailureRatio) ?? defaults.FailureRatio,
            MinimumRequests = keys.Get(RouterKeys.MinimumRequests) ?? defaults.MinimumRequests,
            Window = keys.Get(RouterKeys.Window) ?? defaults.Window,
            FirstEjection = keys.Get(RouterKeys.FirstEjection) ?? defaults.FirstEjection,
            MaxEjection = keys.Get(RouterKeys.MaxEjection) ?? defaults.MaxEjection,
        };

        // Ejections double from the first up to the longest: a first one beyond it could never be served.
        if (settings.FirstEjection > settings.MaxEjection)
        {
            var maxSource = keys.Get(RouterKeys.MaxEjection) is null ? ", the default" : "";
            errors.Add(file, breaker.Node, breaker.Path,
                $"first-ejection ({Durations.Format(settings.FirstEjection)}) is longer than max-ejection ({Durations.Format(settings.MaxEjection)}{maxSource})");
            return defaults;
        }

        return settings;
    }
}
