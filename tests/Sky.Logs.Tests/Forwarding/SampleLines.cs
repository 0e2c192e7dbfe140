using Sky.Logs;

namespace Sky.Logs.Tests.Forwarding;

/// <summary>Lines of a web service's second replica, labelled as sky labels them, for the forwarding tests.</summary>
internal static class SampleLines
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static readonly LogSource Web = new()
    {
        ContainerId = "3f2a9c1d8e7b",
        Container = "sky-web-production-2",
        Kind = "service",
        Service = "web",
        Instance = "production",
        Role = "main",
        Replica = 2,
        Revision = 17,
    };

    public static readonly LogSource NightlyJob = new()
    {
        ContainerId = "9b8c7d6e5f4a",
        Container = "sky-job-nightly-42",
        Kind = "job",
        Job = "nightly",
        Run = 42,
    };

    public static LogRecord Stdout(string text) => new(Web, Noon.AddTicks(1234567), "stdout", text, Truncated: false);

    public static LogRecord Stderr(string text) => new(Web, Noon, "stderr", text, Truncated: false);

    /// <summary>Numbered lines, so that a test can tell which arrived and in what order.</summary>
    public static IEnumerable<LogRecord> Numbered(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => Stdout($"{prefix} {i:D4}"));
}
