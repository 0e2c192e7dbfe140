using Sky.Configuration.Values;
using Sky.Supervisor;

namespace Sky.Api.Routing;

/// <summary>The <c>window</c> of <c>/services/NAME/stats</c>: a duration of whole seconds, 1 s to the hour of metrics the router keeps.</summary>
public static class StatsWindow
{
    public static readonly TimeSpan Default = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <summary>The window asked for; <see cref="Default"/> when none. Throws a 400's sentence for anything else.</summary>
    public static TimeSpan Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        if (!Durations.TryParse(text, out var window))
        {
            throw new OperationException(OperationErrorKind.Invalid, $"window: '{text}' is not a duration {Durations.Hint}");
        }

        if (window < TimeSpan.FromSeconds(1) || window > Longest)
        {
            throw new OperationException(OperationErrorKind.Invalid, $"window: '{text}' is out of range: the router keeps 1s to 1h of metrics");
        }

        return TimeSpan.FromSeconds(Math.Ceiling(window.TotalSeconds));
    }
}
