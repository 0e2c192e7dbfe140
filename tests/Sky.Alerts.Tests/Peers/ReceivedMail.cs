namespace Sky.Alerts.Tests.Peers;

/// <summary>One message as the sink stored it: its headers (first of each name) and its body.</summary>
public sealed record ReceivedMail(IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Subject => Headers.GetValueOrDefault("Subject", "");

    public string To => Headers.GetValueOrDefault("To", "");

    public static ReceivedMail Parse(string text)
    {
        var normalized = text.ReplaceLineEndings("\n");
        var split = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? normalized : normalized[..split];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                // A folded header goes on.
                if (last is not null)
                {
                    headers[last] += " " + line.Trim();
                }

                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                last = line[..colon];
                headers.TryAdd(last, line[(colon + 1)..].Trim());
            }
        }

        return new ReceivedMail(headers, split < 0 ? "" : normalized[(split + 2)..]);
    }
}
