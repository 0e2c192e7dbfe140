using System.Text;

namespace Sky.Scheduler;

/// <summary>
/// The last <c>capacity</c> characters of a run's output, whole lines where possible: a chatty job cannot fill the
/// store, and the end of the output (where errors are) is what is kept.
/// </summary>
public sealed class OutputTail(int capacity)
{
    private readonly Queue<string> lines = new();
    private long length;

    public bool Truncated { get; private set; }

    public void Add(string line)
    {
        if (line.Length > capacity)
        {
            line = line[^capacity..];
            Truncated = true;
        }

        lines.Enqueue(line);
        length += line.Length + 1;
        while (length > capacity && lines.Count > 0)
        {
            length -= lines.Dequeue().Length + 1;
            Truncated = true;
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }
}
