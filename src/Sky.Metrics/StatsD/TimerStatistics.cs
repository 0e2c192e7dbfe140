namespace Sky.Metrics.StatsD;

/// <summary>
/// etsy statsd's statistics of one timer at a flush (<c>process_metrics.js</c>), computed in the same order of
/// floating-point operations so the values match to the last bit: values sorted, sums accumulated from the smallest,
/// the population standard deviation, the median, and per percentile threshold p the count, mean, bound, sum and sum
/// of squares of the lowest p% of values (of the highest |p|% for a negative p, named <c>top</c>).
/// </summary>
internal static class TimerStatistics
{
    /// <summary>The statistics as (suffix, value), in etsy's order; <paramref name="values"/> is sorted in place.</summary>
    public static List<KeyValuePair<string, double>> Compute(double[] values, double calls, IReadOnlyList<double> percentiles, double flushSeconds)
    {
        var statistics = new List<KeyValuePair<string, double>>();
        if (values.Length == 0)
        {
            // A timer that received nothing since the last flush still reports that it was not called.
            statistics.Add(new("count", 0));
            statistics.Add(new("count_ps", 0));
            return statistics;
        }

        Array.Sort(values);
        var count = values.Length;
        var cumulative = new double[count];
        var cumulativeSquares = new double[count];
        cumulative[0] = values[0];
        cumulativeSquares[0] = values[0] * values[0];
        for (var i = 1; i < count; i++)
        {
            cumulative[i] = values[i] + cumulative[i - 1];
            cumulativeSquares[i] = (values[i] * values[i]) + cumulativeSquares[i - 1];
        }

        foreach (var percentile in percentiles)
        {
            AddThreshold(statistics, percentile, values, cumulative, cumulativeSquares);
        }

        var sum = cumulative[count - 1];
        var mean = sum / count;
        var sumOfDiffs = 0.0;
        foreach (var value in values)
        {
            sumOfDiffs += (value - mean) * (value - mean);
        }

        var mid = count / 2;
        var median = count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        statistics.Add(new("std", Math.Sqrt(sumOfDiffs / count)));
        statistics.Add(new("upper", values[count - 1]));
        statistics.Add(new("lower", values[0]));
        statistics.Add(new("count", calls));
        statistics.Add(new("count_ps", calls / flushSeconds));
        statistics.Add(new("sum", sum));
        statistics.Add(new("sum_squares", cumulativeSquares[count - 1]));
        statistics.Add(new("mean", mean));
        statistics.Add(new("median", median));
        return statistics;
    }

    private static void AddThreshold(
        List<KeyValuePair<string, double>> statistics, double percentile, double[] values, double[] cumulative, double[] cumulativeSquares)
    {
        var count = values.Length;
        double inThreshold = count, bound = values[count - 1], sum = values[0], sumSquares = values[0] * values[0], mean = values[0];
        if (count > 1)
        {
            var n = JsRound(Math.Abs(percentile) / 100 * count);
            if (n == 0)
            {
                // etsy leaves out a threshold that holds no value.
                return;
            }

            inThreshold = n;
            if (percentile > 0)
            {
                bound = values[n - 1];
                sum = cumulative[n - 1];
                sumSquares = cumulativeSquares[n - 1];
            }
            else
            {
                // For -100 etsy reads before the first sum (undefined in JavaScript): the sums are NaN there too.
                var before = count - n - 1;
                bound = values[count - n];
                sum = cumulative[count - 1] - (before >= 0 ? cumulative[before] : double.NaN);
                sumSquares = cumulativeSquares[count - 1] - (before >= 0 ? cumulativeSquares[before] : double.NaN);
            }

            mean = sum / n;
        }

        var name = PercentileName.Of(percentile);
        statistics.Add(new("count_" + name, inThreshold));
        statistics.Add(new("mean_" + name, mean));
        statistics.Add(new((percentile > 0 ? "upper_" : "lower_") + name, bound));
        statistics.Add(new("sum_" + name, sum));
        statistics.Add(new("sum_squares_" + name, sumSquares));
    }

    /// <summary>JavaScript's Math.round: halves go up (2.5 to 3), unlike .NET's default rounding to even.</summary>
    private static int JsRound(double value)
    {
        var floor = Math.Floor(value);
        return (int)(value - floor >= 0.5 ? floor + 1 : floor);
    }
}
