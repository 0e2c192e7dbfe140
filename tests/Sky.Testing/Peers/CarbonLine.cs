using System.Globalization;

namespace Sky.Testing.Peers;

/// <summary>
/// One line of Graphite's plaintext protocol, <c>name value timestamp</c>, and the connection it came on (a StatsD
/// server opens one connection per flush, so lines of one connection are one flush).
/// </summary>
public sealed record CarbonLine(string Name, double Value, long UnixSeconds, int Connection)
{
    public static CarbonLine Parse(string line, int connection)
    {
        var fields = line.Split(' ');
        if (fields.Length != 3)
        {
            throw new FormatException($"not a carbon line (name value timestamp): '{line}'");
        }

        // JavaScript prints Infinity and NaN as words, which .NET's invariant culture reads too.
        var value = double.Parse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture);
        return new CarbonLine(fields[0], value, long.Parse(fields[2], CultureInfo.InvariantCulture), connection);
    }
}
