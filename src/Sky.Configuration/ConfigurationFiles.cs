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

    /// <summary>
    /// The folder that relative paths (<c>./data:/data</c>, <c>down-page: down.html</c>) of a configuration sent from
    /// <paramref name="source"/> are read against, when it was read somewhere else (<c>sky apply</c> sends the files'
    /// text and the absolute path it was given): that folder, or the file's. Null for a source that is no absolute
    /// path, such as a client that did not say.
    /// </summary>
    public static string? FolderOf(string? source)
    {
        if (string.IsNullOrWhiteSpace(source) || !System.IO.Path.IsPathFullyQualified(source))
        {
            return null;
        }

        var isFile = File.Exists(source)
            || (!Directory.Exists(source) && (source.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || source.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)));
        return isFile ? System.IO.Path.GetDirectoryName(source) : source;
    }

    private static ConfigurationFile ReadOne(string fullPath, string display) =>
        new(display, File.ReadAllText(fullPath))
        {
            BaseDirectory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(fullPath)),
        };
}
