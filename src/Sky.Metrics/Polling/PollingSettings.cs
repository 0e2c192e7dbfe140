namespace Sky.Metrics.Polling;

/// <summary>
/// A service's <c>metrics:</c> polling keys: which paths to poll on the main port of each of its containers
/// (<c>expvar</c>, <c>prometheus</c>), how often (<c>interval</c>) and how long to wait (<c>timeout</c>), under which
/// Graphite prefix (<c>prefix</c>), and which names to drop or rewrite (<c>ignore</c>, <c>rename</c>). The option
/// names follow samlare's (<c>CheckInterval</c>, <c>Timeout</c>, <c>Prefix</c>, <c>IgnoreMetrics</c>,
/// <c>[[rename]] From/To</c>), except that ignore and rename take regular expressions matched against the whole
/// dotted name, where samlare matches one JSON key exactly.
/// </summary>
public sealed record PollingSettings
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    /// <summary>samlare's sample configuration waits 3 s; a poll never waits past its interval, though.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Polling faster asks an application for its whole state more often than any graph shows.</summary>
    public static readonly TimeSpan ShortestInterval = TimeSpan.FromSeconds(1);

    /// <summary>The expvar path on the main port, e.g. <c>/debug/vars</c>; null polls no expvar.</summary>
    public string? ExpvarPath { get; init; }

    /// <summary>The Prometheus path on the main port, e.g. <c>/metrics</c>; null polls no Prometheus endpoint.</summary>
    public string? PrometheusPath { get; init; }

    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>How long a poll waits for a full answer; null for <see cref="EffectiveTimeout"/>'s default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The Graphite prefix; null for <c>services.SERVICE.INSTANCE</c> (see <see cref="GraphitePrefix"/>).</summary>
    public string? Prefix { get; init; }

    /// <summary>Regular expressions; a name that one of them matches is not published.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>Applied in order after <see cref="Ignore"/>, each to what the one before left.</summary>
    public IReadOnlyList<MetricRename> Rename { get; init; } = [];

    public bool PollsAnything => ExpvarPath is not null || PrometheusPath is not null;

    public TimeSpan EffectiveTimeout => Timeout ?? (DefaultTimeout < Interval ? DefaultTimeout : Interval);

    public string GraphitePrefix(string service, string instance) => Prefix ?? $"services.{service}.{instance}";

    /// <summary>What is wrong with the settings, one sentence each, led by the key; empty when they are good.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        AddPathProblem(problems, "expvar", ExpvarPath, "/debug/vars");
        AddPathProblem(problems, "prometheus", PrometheusPath, "/metrics");
        if (Interval < ShortestInterval)
        {
            problems.Add($"interval: {ShortDuration.Of(Interval)} is shorter than {ShortDuration.Of(ShortestInterval)}, the shortest sky polls at");
        }

        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            problems.Add($"timeout: {ShortDuration.Of(timeout)} leaves no time to answer");
        }
        else if (Timeout is { } longTimeout && longTimeout > Interval)
        {
            problems.Add(
                $"timeout: {ShortDuration.Of(longTimeout)} is longer than the interval {ShortDuration.Of(Interval)}; a poll would still wait when the next one is due");
        }

        if (Prefix is not null && !IsDottedName(Prefix))
        {
            problems.Add($"prefix: '{Prefix}' is not a dotted name: parts of letters, digits, _ and -, joined by single dots (apps.my-application)");
        }

        problems.AddRange(MetricNameRules.Check(Ignore, Rename));
        return problems;
    }

    /// <summary>The ignore and rename rules compiled, once per settings; <see cref="Validate"/> them first.</summary>
    public MetricNameRules CompileRules() => MetricNameRules.Create(Ignore, Rename);

    /// <summary>
    /// What to poll on one container whose main port is published on 127.0.0.1 at <paramref name="hostPort"/>: an
    /// expvar target, a Prometheus target, both or neither, as the paths say.
    /// </summary>
    public IReadOnlyList<PollTarget> TargetsFor(int hostPort, MetricLabels labels, MetricNameRules rules)
    {
        var targets = new List<PollTarget>(2);
        if (ExpvarPath is not null)
        {
            targets.Add(new PollTarget(UrlFor(hostPort, ExpvarPath), PollKind.Expvar, labels, EffectiveTimeout, rules));
        }

        if (PrometheusPath is not null)
        {
            targets.Add(new PollTarget(UrlFor(hostPort, PrometheusPath), PollKind.Prometheus, labels, EffectiveTimeout, rules));
        }

        return targets;
    }

    // The lists are compared by their items, so that the same file read twice gives equal settings.
    public bool Equals(PollingSettings? other) =>
        other is not null
        && ExpvarPath == other.ExpvarPath
        && PrometheusPath == other.PrometheusPath
        && Interval == other.Interval
        && Timeout == other.Timeout
        && Prefix == other.Prefix
        && Ignore.SequenceEqual(other.Ignore)
        && Rename.SequenceEqual(other.Rename);

    public override int GetHashCode() => HashCode.Combine(ExpvarPath, PrometheusPath, Interval, Timeout, Prefix, Ignore.Count, Rename.Count);

    private static Uri UrlFor(int hostPort, string path) => new($"http://127.0.0.1:{hostPort}{path}");

    private static void AddPathProblem(List<string> problems, string key, string? path, string example)
    {
        if (path is null)
        {
            return;
        }

        if (!path.StartsWith('/'))
        {
            problems.Add($"{key}: '{path}' is not a path on the container's port: start it with /, e.g. {example}");
        }
        else if (path.Any(character => char.IsWhiteSpace(character) || char.IsControl(character) || character == '#'))
        {
            problems.Add($"{key}: '{path}' has a space, a control character or a # in it; write it as it goes in a URL, e.g. {example}");
        }
        else if (!Uri.TryCreate($"http://127.0.0.1:1{path}", UriKind.Absolute, out _))
        {
            problems.Add($"{key}: '{path}' does not make a URL, e.g. {example}");
        }
    }

    private static bool IsDottedName(string name) =>
        name.Split('.').All(part => part.Length > 0 && part.All(character => char.IsAsciiLetterOrDigit(character) || character is '_' or '-'));
}
