namespace Sky.Metrics.Polling.Prometheus;

/// <summary>Why an exposition could not be read: the first bad line (counted from 1) and what is wrong with it.</summary>
public sealed record PrometheusSyntaxError(int Line, string Problem)
{
    public override string ToString() => $"line {Line}: {Problem}";
}
