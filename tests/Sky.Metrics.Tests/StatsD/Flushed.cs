namespace Sky.Metrics.Tests.StatsD;

/// <summary>One flush's points, by name; a missing name fails with the names that are there.</summary>
internal sealed class Flushed(IReadOnlyList<MetricPoint> points)
{
    public IReadOnlyList<MetricPoint> Points { get; } = points;

    public IReadOnlyList<string> Names => Points.Select(p => p.Name).ToList();

    public double this[string name] =>
        Points.Where(p => p.Name == name).Select(p => (double?)p.Value).FirstOrDefault()
            ?? throw new KeyNotFoundException($"{name} was not flushed; flushed: {string.Join(", ", Names)}");

    public bool Has(string name) => Points.Any(p => p.Name == name);

    /// <summary>The names under <paramref name="prefix"/>, in flush order.</summary>
    public IReadOnlyList<string> NamesUnder(string prefix) => Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
}
