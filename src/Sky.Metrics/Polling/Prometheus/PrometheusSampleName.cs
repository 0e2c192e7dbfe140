using System.Text;

namespace Sky.Metrics.Polling.Prometheus;

/// <summary>
/// The dotted sky name of a sample: its name as written, then <c>.LABEL.VALUE</c> for each label in label-name order
/// (ordinal), each value cleaned by <see cref="NameSegment"/>: <c>http_requests_total{method="get",code="200"}</c> is
/// <c>http_requests_total.code.200.method.get</c>, <c>le="0.5"</c> is <c>.le.0_5</c> and <c>le="+Inf"</c> is
/// <c>.le._Inf</c>. Sorting makes the name independent of the order a client writes labels in; a label with an empty
/// value is left out, since Prometheus holds an empty label the same as no label.
/// </summary>
public static class PrometheusSampleName
{
    public static string Of(PrometheusSample sample)
    {
        if (sample.Labels.Count == 0)
        {
            return sample.Name;
        }

        var name = new StringBuilder(sample.Name);
        foreach (var label in sample.Labels.OrderBy(label => label.Name, StringComparer.Ordinal))
        {
            if (label.Value.Length > 0)
            {
                name.Append('.').Append(label.Name).Append('.').Append(NameSegment.Sanitise(label.Value));
            }
        }

        return name.ToString();
    }
}
