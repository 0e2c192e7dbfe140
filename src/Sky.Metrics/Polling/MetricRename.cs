namespace Sky.Metrics.Polling;

/// <summary>
/// One of a service's <c>rename</c> rules, as samlare's <c>[[rename]] From/To</c>: every match of the regular
/// expression <see cref="From"/> in a metric's dotted name is replaced by <see cref="To"/>, which may refer to groups
/// (<c>$1</c>).
/// </summary>
public sealed record MetricRename(string From, string To);
