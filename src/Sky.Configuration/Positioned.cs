namespace Sky.Configuration;

/// <summary>How errors and warnings are written and ordered, so both read alike: <c>file:line:col: key.path: message</c>.</summary>
internal static class Positioned
{
    public static string Text(string file, int line, int column, string keyPath, string message) =>
        keyPath.Length == 0 ? $"{file}:{line}:{column}: {message}" : $"{file}:{line}:{column}: {keyPath}: {message}";

    /// <summary>By file (in the given order), then by position, so they read top to bottom; ties keep their order.</summary>
    public static List<T> Sorted<T>(IEnumerable<T> items, IReadOnlyList<string> fileOrder, Func<T, (string File, int Line, int Column)> position)
    {
        int FileIndex(string file)
        {
            for (var i = 0; i < fileOrder.Count; i++)
            {
                if (fileOrder[i] == file)
                {
                    return i;
                }
            }

            return fileOrder.Count;
        }

        // OrderBy is stable: items at one position keep the order they were found in.
        return items
            .Select(item => (Item: item, Position: position(item)))
            .OrderBy(x => FileIndex(x.Position.File))
            .ThenBy(x => x.Position.Line)
            .ThenBy(x => x.Position.Column)
            .Select(x => x.Item)
            .ToList();
    }
}
