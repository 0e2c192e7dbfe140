using Sky.Configuration.Yaml;

namespace Sky.Configuration.Reading;

/// <summary>
/// Reads the path of a file on the host that a configuration names (<c>down-page:</c>). A relative path is read
/// against the configuration file's folder, as relative host folders of <c>volumes:</c> are. The file must be there
/// and readable when the configuration is loaded, so a typo shows at <c>sky validate</c>, not when the file is needed.
/// </summary>
internal sealed class HostFileReader(ValueReader values, string? baseDirectory)
{
    /// <summary>The file's absolute path; null after reporting why it cannot be used.</summary>
    public Located<string>? ReadableFile(Node node, string path, string what)
    {
        if (values.Text(node, path, what) is not { } text)
        {
            return null;
        }

        if (!Path.IsPathRooted(text) && baseDirectory is null)
        {
            // Over the API without its source folder: the daemon's own folder would be a guess.
            values.Report(node, path, $"'{text}' is a relative path, but this configuration came without its folder (write an absolute path)");
            return null;
        }

        var full = Path.GetFullPath(Path.IsPathRooted(text) ? text : Path.Combine(baseDirectory!, text));
        if (Directory.Exists(full))
        {
            values.Report(node, path, $"'{text}' is a folder, not {what} ({full})");
            return null;
        }

        if (!File.Exists(full))
        {
            values.Report(node, path, $"{what} '{text}' does not exist ({full})");
            return null;
        }

        try
        {
            using var stream = File.OpenRead(full);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            values.Report(node, path, $"{what} '{text}' cannot be read: {exception.Message}");
            return null;
        }

        return new Located<string>(full, node, path);
    }
}
