namespace Sky.Configuration;

/// <summary>Reads configuration files from disk: one file, or every YAML file of a folder.</summary>
public static class ConfigurationFiles
{
    public static IReadOnlyList<ConfigurationFile> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path))
        {
            return [ReadOne(path, path)];
        }

        if (!Directory.Exists(path))
        {
            // Say which kind of thing was expected, so a typo in either a file or a folder name reads clearly.
            var looksLikeFile = path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
            if (looksLikeFile)
            {
                throw new FileNotFoundException($"configuration file '{path}' does not exist", path);
            }

            throw new DirectoryNotFoundException($"configuration '{path}' does not exist (expected a .yml file or a folder of them)");
        }

        // Not recursive, and sorted with an ordinal comparer so the order (and so error order) is the same everywhere.
        return Directory.EnumerateFiles(path)
            .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            .Select(f => (Full: f, Display: System.IO.Path.GetRelativePath(path, f)))
            .OrderBy(f => f.Display, StringComparer.Ordinal)
            .Select(f => ReadOne(f.Full, f.Display))
            .ToList();
    }

    private static ConfigurationFile ReadOne(string fullPath, string display) =>
        new(display, File.ReadAllText(fullPath))
        {
            BaseDirectory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(fullPath)),
        };
}
