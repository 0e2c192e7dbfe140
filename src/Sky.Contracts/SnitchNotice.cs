using System.Globalization;
using System.Text;

namespace Sky.Contracts;

/// <summary>
/// The words of a snitch notice, the same whether <c>sky snitch</c> ran on a host or the snitch script ran inside a
/// sky container: <c>[sky] snitch: CMD failed (exit 3)</c>, and a body with the duration, host and last lines.
/// It lives with the contracts because both sides write the same <see cref="NotifyRequest"/>: the CLI for a command
/// run on a host, the daemon for a notice found in a container's outbox.
/// </summary>
public static class SnitchNotice
{
    /// <summary>Lines of output kept for the notice.</summary>
    public const int TailLines = 20;

    public static NotifyRequest Compose(string command, int exitCode, DateTimeOffset started, TimeSpan duration, IReadOnlyList<string> tail, string host, string? email, string? webhook)
    {
        var shortText = (command.Length > 80 ? command[..77] + "..." : command).ReplaceLineEndings(" ");
        var outcome = exitCode == 0 ? "finished" : "failed";
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{command}\n{outcome} with exit code {exitCode} after {FormatDuration(duration)} on {host}.\n\n")
            .Append(CultureInfo.InvariantCulture, $"Last {tail.Count} lines of output:\n")
            .AppendJoin('\n', tail)
            .ToString();
        var fields = new Dictionary<string, string>
        {
            ["command"] = command,
            ["host"] = host,
            ["exit code"] = exitCode.ToString(CultureInfo.InvariantCulture),
            ["duration"] = FormatDuration(duration),
            ["started"] = started.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        return new NotifyRequest(email, webhook, $"[sky] snitch: {shortText} {outcome} (exit {exitCode})", body, fields, exitCode != 0);
    }

    /// <summary><c>3.2s</c>, <c>2m 3s</c>, <c>1h 2m</c>: as sky's tables write durations.</summary>
    public static string FormatDuration(TimeSpan duration) => HumanDuration.Format(duration);
}
