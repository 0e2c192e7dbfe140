using System.CommandLine;

namespace Sky.Cli.Commands;

/// <summary>The options every log command takes, and the query string they make.</summary>
public sealed class LogFilterOptions
{
    private readonly Option<bool> follow = new("--follow", "-f") { Description = "Keep printing new lines as they are stored" };
    private readonly Option<int?> tail = new("--tail", "-n") { Description = "Only the last N lines" };
    private readonly Option<string?> since = new("--since") { Description = "Lines from this long ago (30s, 15m, 1h, 2d) or this time (2026-11-30T10:00:00Z)" };
    private readonly Option<string?> until = new("--until") { Description = "Lines up to this long ago or this time" };
    private readonly Option<string?> grep = new("--grep") { Description = "Only lines containing this text" };
    private readonly Option<string?> regex = new("--regex") { Description = "Only lines matching this regular expression" };
    private readonly Option<string?> stream = new("--stream") { Description = "Only stdout or only stderr" };
    private readonly Option<bool> raw = new("--raw") { Description = "Print control characters and escape sequences as they came" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { follow, tail, since, until, grep, regex, stream, raw })
        {
            command.Options.Add(option);
        }

        stream.AcceptOnlyFromAmong("stdout", "stderr");
    }

    public bool Raw(ParseResult parse) => parse.GetValue(raw);

    public string Query(ParseResult parse)
    {
        var query = new List<string>();
        if (parse.GetValue(follow))
        {
            query.Add("follow=true");
        }

        if (parse.GetValue(tail) is int n)
        {
            query.Add(FormattableString.Invariant($"tail={n}"));
        }

        Add(query, "since", parse.GetValue(since));
        Add(query, "until", parse.GetValue(until));
        Add(query, "grep", parse.GetValue(grep));
        Add(query, "regex", parse.GetValue(regex));
        Add(query, "stream", parse.GetValue(stream));
        return string.Join('&', query);
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
