using Sky.Configuration;
using Sky.Configuration.Reading;
using Sky.Configuration.Yaml;

namespace Sky.Api.Settings;

/// <summary>
/// Loads the daemon's settings file. Bad input never throws: every problem is reported with file, line, column and
/// key path, in the same words as the service configuration, and any problem means no settings.
/// </summary>
public static class DaemonSettingsLoader
{
    /// <summary>The environment variable that names the settings file when <c>--config</c> is not given.</summary>
    public const string EnvironmentVariable = "SKY_CONFIG";

    /// <summary>The file named by <paramref name="path"/>, else by <c>SKY_CONFIG</c>, else the embedded defaults.</summary>
    public static DaemonSettingsResult LoadOrDefaults(string? path)
    {
        path ??= Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : null;
        return path is null ? new DaemonSettingsResult(new DaemonSettings(), []) : Load(path);
    }

    public static DaemonSettingsResult Load(string path)
    {
        string content;
        try
        {
            content = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new DaemonSettingsResult(null, [new ConfigurationError(path, 1, 1, "", $"cannot read the settings file: {exception.Message}")]);
        }

        return Parse(path, content, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Reads settings from text; <paramref name="file"/> is the name shown in errors.</summary>
    public static DaemonSettingsResult Parse(string file, string content, string? baseDirectory = null)
    {
        var errors = new ErrorList();
        var settings = new DaemonSettings();
        if (YamlTreeReader.Read(file, content, errors) is { } roots)
        {
            if (roots.Count > 1)
            {
                errors.Add(file, roots[1], "", "a settings file holds one document");
            }

            if (roots.Count > 0)
            {
                settings = new DaemonSettingsReader(new ValueReader(file, errors), baseDirectory).Read(roots[0]);
            }
        }

        return errors.Count == 0 ? new DaemonSettingsResult(settings, []) : new DaemonSettingsResult(null, errors.Sorted([file]));
    }
}
