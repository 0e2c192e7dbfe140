using Sky.Contracts;

namespace Sky.Cli.Output;

/// <summary>Entry changes as people read them: <c>~ changed service web</c>, then a line per key that changed.</summary>
public static class ChangeText
{
    public static void Write(TextWriter output, IReadOnlyList<EntryChangeView> changes)
    {
        foreach (var change in changes)
        {
            var mark = change.Change switch { "added" => "+", "removed" => "-", _ => "~" };
            output.WriteLine($"{mark} {change.Change} {change.Kind} {change.Entry}");
            foreach (var detail in change.Details)
            {
                output.WriteLine($"    {TerminalText.Neutralize(detail)}");
            }
        }
    }
}
