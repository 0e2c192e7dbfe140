namespace Sky.Testing.Peers;

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

        var body = split < 0 ? "" : normalized[(split + 2)..];
        return new ReceivedMail(headers, headers.GetValueOrDefault("Content-Transfer-Encoding") == "quoted-printable" ? QuotedPrintable(body) : body);
    }

    /// <summary>Undoes quoted-printable: soft line breaks (<c>=</c> at the end of a line) and <c>=XX</c> bytes.</summary>
    private static string QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        text = text.Replace("=\n", "", StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return System.Text.Encoding.UTF8.GetString(bytes.ToArray()).ReplaceLineEndings("\n");
    }
}
