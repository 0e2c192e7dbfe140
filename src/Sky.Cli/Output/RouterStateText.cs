using System.Globalization;
using Sky.Contracts;

namespace Sky.Cli.Output;

/// <summary>A container's place in the router as people read it: <c>ejected 4s</c>, <c>probing</c>, or its backend state.</summary>
public static class RouterStateText
{
    /// <summary>The breaker when it is not closed, else the backend state (<c>ready</c>, <c>starting</c>...); <c>-</c> for none.</summary>
    public static string Of(RouterStateView? router) => router is null ? "-" : Breaker(router) ?? router.State;

    /// <summary>Only what is out of the ordinary: the breaker when it is not closed; null when it is.</summary>
    public static string? Breaker(RouterStateView router) => router.Breaker switch
    {
        "closed" => null,
        "ejected" => $"ejected {Seconds(router.EjectedForSeconds ?? 0)}",
        _ => router.Breaker,
    };

    /// <summary>Whole seconds left, rounded up, so an ejection never reads <c>0s</c> while it lasts.</summary>
    private static string Seconds(double seconds) =>
        seconds < 60 ? Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture) + "s" : HumanDuration.Format(seconds);
}
