using System.Globalization;
using System.Text.Json;

namespace Sky.Runtime;

/// <summary>Query-string pieces the Engine API expects: JSON filters and escaped path segments.</summary>
internal static class DockerQuery
{
    /// <summary><c>{"label":["k=v","k2"]}</c>: a null value filters on the key alone.</summary>
    public static IReadOnlyList<string> LabelTerms(IReadOnlyDictionary<string, string?> labels) =>
        labels.OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => l.Value is null ? l.Key : $"{l.Key}={l.Value}")
            .ToList();

    /// <summary>The URL-escaped <c>filters</c> parameter value; empty terms are left out.</summary>
    public static string Filters(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var present = filters.Where(f => f.Value.Count > 0).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        return Uri.EscapeDataString(JsonSerializer.Serialize(present, DockerQueryJsonContext.Default.DictionaryStringIReadOnlyListString));
    }

    public static string LabelFilters(IReadOnlyDictionary<string, string?> labels) =>
        Filters(new Dictionary<string, IReadOnlyList<string>> { ["label"] = LabelTerms(labels) });

    public static string Segment(string value) => Uri.EscapeDataString(value);

    public static string Flag(bool value) => value ? "1" : "0";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
