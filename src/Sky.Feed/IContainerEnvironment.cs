namespace Sky.Feed;

/// <summary>
/// Variables the daemon gives every container it creates besides those of its configuration (where to send StatsD
/// metrics: <c>STATSD_HOST</c>, <c>STATSD_PORT</c>). They stay out of the configuration's hash: a daemon that starts
/// offering one replaces no running container for it. A variable the configuration sets itself wins.
/// </summary>
public interface IContainerEnvironment
{
    IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary><paramref name="own"/> laid over <paramref name="ambient"/>'s variables (none when null).</summary>
    static IReadOnlyDictionary<string, string> Under(IReadOnlyDictionary<string, string> own, IContainerEnvironment? ambient)
    {
        if (ambient is null || ambient.Variables.Count == 0)
        {
            return own;
        }

        var merged = new Dictionary<string, string>(ambient.Variables, StringComparer.Ordinal);
        foreach (var (name, value) in own)
        {
            merged[name] = value;
        }

        return merged;
    }
}
