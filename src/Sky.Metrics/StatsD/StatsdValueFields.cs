namespace Sky.Metrics.StatsD;

/// <summary>
/// One value of a line, <c>value|type[|@rate]</c>, split on <c>|</c> and judged by etsy's <c>is_valid_packet</c>.
/// etsy validates the type as written but acts on it trimmed, so <c>-5|ms </c> passes as a counter-like value and is
/// then recorded as a timing: both readings are kept apart here to do the same.
/// </summary>
internal readonly ref struct StatsdValueFields
{
    private readonly ReadOnlySpan<char> rawType;
    private readonly ReadOnlySpan<char> rawRate;
    private readonly bool hasType;
    private readonly bool hasRate;

    public StatsdValueFields(ReadOnlySpan<char> text)
    {
        var first = text.IndexOf('|');
        Value = first < 0 ? text : text[..first];
        if (first < 0)
        {
            return;
        }

        hasType = true;
        var rest = text[(first + 1)..];
        var second = rest.IndexOf('|');
        rawType = second < 0 ? rest : rest[..second];
        if (second < 0)
        {
            return;
        }

        hasRate = true;
        rest = rest[(second + 1)..];
        var third = rest.IndexOf('|');
        rawRate = third < 0 ? rest : rest[..third];
    }

    public ReadOnlySpan<char> Value { get; }

    /// <summary>The type etsy acts on: trimmed, and any it does not know is a counter.</summary>
    public ReadOnlySpan<char> Type => JsWhiteSpace.Trim(rawType);

    public bool IsValid
    {
        get
        {
            if (!hasType || (hasRate && !IsValidSampleRate(rawRate)))
            {
                return false;
            }

            return rawType switch
            {
                "s" => true,
                "ms" => JsNumber.IsNumber(Value) && JsNumber.Parse(Value) >= 0,
                _ => JsNumber.IsNumber(Value),
            };
        }
    }

    /// <summary>
    /// 1, or the number in the leading digits and dots after <c>@</c> (etsy's <c>/^@([\d\.]+)/</c>), so <c>@1e-1</c>
    /// is 1. Null for a rate that passes etsy's check but has no such digits (<c>@+0.5</c>, <c>@ 1</c>): etsy throws
    /// on those and its process ends; sky counts a bad line instead.
    /// </summary>
    public double? SampleRate
    {
        get
        {
            if (!hasRate || rawRate.IsEmpty)
            {
                return 1;
            }

            var digits = rawRate[1..];
            var end = 0;
            while (end < digits.Length && (char.IsAsciiDigit(digits[end]) || digits[end] == '.'))
            {
                end++;
            }

            return end == 0 ? null : JsNumber.Parse(digits[..end]);
        }
    }

    private static bool IsValidSampleRate(ReadOnlySpan<char> rate) =>
        rate.Length > 1 && rate[0] == '@' && JsNumber.IsNumber(rate[1..]) && rate[1] != '-';
}
