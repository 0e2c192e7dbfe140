namespace Sky.Metrics.Polling.Prometheus;

/// <summary>
/// Thrown inside the parser at the first thing it cannot read, so that the readers of a line stay straight-line code;
/// <see cref="PrometheusTextParser"/> catches it, adds the line number and returns a <see cref="PrometheusSyntaxError"/>.
/// </summary>
internal sealed class PrometheusSyntaxException(string problem) : Exception(problem);
