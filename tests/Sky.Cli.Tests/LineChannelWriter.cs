using System.Text;
using System.Threading.Channels;

namespace Sky.Cli.Tests;

/// <summary>
/// A writer for a CLI command that keeps running (<c>-f</c>): each whole line it is given can be awaited as it comes,
/// so a test waits for the line it expects instead of sleeping.
/// </summary>
public sealed class LineChannelWriter : TextWriter
{
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder pending = new();
    private readonly List<string> seen = [];

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (pending)
        {
            if (value == '\n')
            {
                var line = pending.ToString().TrimEnd('\r');
                pending.Clear();
                seen.Add(line);
                lines.Writer.TryWrite(line);
            }
            else
            {
                pending.Append(value);
            }
        }
    }

    /// <summary>Every line so far, for a failure message.</summary>
    public string Seen()
    {
        lock (pending)
        {
            return string.Join('\n', seen);
        }
    }

    /// <summary>The next line that matches, skipping others; fails after <paramref name="within"/>.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, TimeSpan within, string what)
    {
        using var bound = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                var line = await lines.Reader.ReadAsync(bound.Token);
                if (match(line))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"not within {within.TotalSeconds} s: {what}; printed so far:\n{Seen()}");
        }
    }
}
