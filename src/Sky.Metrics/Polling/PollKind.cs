namespace Sky.Metrics.Polling;

/// <summary>What an endpoint serves: Go's expvar JSON (<c>/debug/vars</c>) or Prometheus text (<c>/metrics</c>).</summary>
public enum PollKind
{
    Expvar,
    Prometheus,
}
