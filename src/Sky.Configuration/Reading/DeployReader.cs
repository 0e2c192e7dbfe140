using Sky.Configuration.Values;
using Sky.Configuration.Yaml;

namespace Sky.Configuration.Reading;

/// <summary>The values of <c>deploy:</c> that are more than a number, a word or a share: the health timeout.</summary>
internal sealed class DeployReader(ValueReader values)
{
    /// <summary>
    /// A container rarely even starts this fast: a shorter timeout would fail every rollout (and roll it back), so it
    /// is a mistake worth stopping at load time.
    /// </summary>
    public static readonly TimeSpan ShortestHealthTimeout = TimeSpan.FromSeconds(1);

    public TimeSpan? HealthTimeout(Node node, string path)
    {
        if (values.Duration(node, path) is not { } timeout)
        {
            return null;
        }

        if (timeout >= ShortestHealthTimeout)
        {
            return timeout;
        }

        values.Report(node, path, $"'{Durations.Format(timeout)}' is too short a health timeout (use {Durations.Format(ShortestHealthTimeout)} or more)");
        return null;
    }
}
