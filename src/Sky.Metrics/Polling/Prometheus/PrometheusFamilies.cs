namespace Sky.Metrics.Polling.Prometheus;

/// <summary>
/// Sorts the lines of an exposition into families as they come, and checks what the format asks of each: one HELP
/// and one TYPE per family, the TYPE before the first sample (it decides what the samples mean), every bucket of a
/// histogram with a numeric <c>le</c>, every quantile of a summary with a numeric <c>quantile</c>.
/// </summary>
internal sealed class PrometheusFamilies
{
    private static readonly string[] HistogramParts = ["_bucket", "_sum", "_count"];
    private static readonly string[] SummaryParts = ["_sum", "_count"];

    private readonly Dictionary<string, Family> byName = new(StringComparer.Ordinal);
    private readonly List<Family> inOrder = [];

    public void Help(string name, string text)
    {
        var family = Named(name);
        if (family.Help is not null)
        {
            throw new PrometheusSyntaxException($"a second HELP line for '{name}'");
        }

        family.Help = text;
    }

    public void Type(string name, PrometheusMetricType type)
    {
        var family = Named(name);
        if (family.TypeDeclared)
        {
            throw new PrometheusSyntaxException($"a second TYPE line for '{name}'");
        }

        var parts = type switch
        {
            PrometheusMetricType.Histogram => HistogramParts,
            PrometheusMetricType.Summary => SummaryParts,
            _ => [],
        };
        if (family.Samples.Count > 0 || parts.Any(part => byName.TryGetValue(name + part, out var earlier) && earlier.Samples.Count > 0))
        {
            throw new PrometheusSyntaxException($"the TYPE line for '{name}' comes after its samples");
        }

        family.Type = type;
        family.TypeDeclared = true;
    }

    public void Add(PrometheusSample sample)
    {
        if (PartOf(sample.Name) is var (family, part))
        {
            if (part == "_bucket")
            {
                RequireNumericLabel(sample, "le", $"a bucket of histogram '{family.Name}'");
            }

            family.Samples.Add(sample);
            return;
        }

        var own = Named(sample.Name);
        switch (own.Type)
        {
            case PrometheusMetricType.Histogram:
                throw new PrometheusSyntaxException(
                    $"'{own.Name}' is a histogram: its samples are {own.Name}_bucket, {own.Name}_sum and {own.Name}_count");
            case PrometheusMetricType.Summary:
                RequireNumericLabel(sample, "quantile", $"a quantile of summary '{own.Name}'");
                break;
            default:
                break;
        }

        own.Samples.Add(sample);
    }

    public PrometheusExposition Build() =>
        new([.. inOrder.Select(family => new PrometheusFamily(family.Name, family.Type, family.Help, [.. family.Samples]))]);

    // The family a _bucket, _sum or _count sample belongs to: only one whose TYPE says it has such parts, since a
    // counter may well be called requests_count.
    private (Family Family, string Part)? PartOf(string sampleName)
    {
        foreach (var part in HistogramParts)
        {
            if (sampleName.EndsWith(part, StringComparison.Ordinal)
                && byName.TryGetValue(sampleName[..^part.Length], out var family)
                && (family.Type == PrometheusMetricType.Histogram || (family.Type == PrometheusMetricType.Summary && part != "_bucket")))
            {
                return (family, part);
            }
        }

        return null;
    }

    private Family Named(string name)
    {
        if (!byName.TryGetValue(name, out var family))
        {
            family = new Family(name);
            byName.Add(name, family);
            inOrder.Add(family);
        }

        return family;
    }

    private static void RequireNumericLabel(PrometheusSample sample, string label, string what)
    {
        var found = sample.Labels.FirstOrDefault(candidate => candidate.Name == label);
        if (found.Name is null)
        {
            throw new PrometheusSyntaxException($"'{sample.Name}' is {what} but has no {label} label");
        }

        if (!PrometheusNumber.TryParse(found.Value, out _))
        {
            throw new PrometheusSyntaxException($"{label}=\"{found.Value}\" of '{sample.Name}' is not a number");
        }
    }

    private sealed class Family(string name)
    {
        public string Name { get; } = name;

        public PrometheusMetricType Type { get; set; } = PrometheusMetricType.Untyped;

        public bool TypeDeclared { get; set; }

        public string? Help { get; set; }

        public List<PrometheusSample> Samples { get; } = [];
    }
}
